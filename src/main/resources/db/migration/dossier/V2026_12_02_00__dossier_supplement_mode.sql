-- A dossier is judged by the rules in force when it was received (DOMAIN §2): it keeps the unit's
-- supplement mode of that day, so that a later change of the unit's setting does not change how its
-- supplement's pause is counted.
-- Runs before org_unit_setting takes the unit's settings out of org_unit (V2026_12_02_02).
alter table dossier add column supplement_mode varchar(20);
update dossier set supplement_mode = (select u.supplement_mode from org_unit u where u.code = dossier.unit_code);
alter table dossier alter column supplement_mode set not null;
