-- Where an officer is told of a new assignment and of steps coming due (issue 9, item 8; ADR 16): an
-- e-mail address and a mobile phone, both optional, set by an administrator of the officer's unit.
alter table org_officer add column email varchar(120);
alter table org_officer add column phone varchar(20);
