-- Who signed an issued document and at which PAdES level (issue 12, item 3; ADR 34): the unit's seal
-- ("unit:<code>") for a form, the leader ("officer:<username>") for a result; null for a document kept
-- unsigned (a result's draft, or a form of a unit with no seal key). The rate of documents issued with a
-- valid signature counts them.
alter table issued_document add column signed_by varchar(120);
alter table issued_document add column signature_level varchar(40);
