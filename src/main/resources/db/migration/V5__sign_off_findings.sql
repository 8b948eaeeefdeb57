-- What a step found (e.g. the home visit's date and findings), kept with its sign-off so later steps and auditors
-- read it; step-specific decision wording can be longer than the general labels.
alter table ua_sign_off add column findings varchar(4000);
alter table ua_sign_off alter column decision_label set data type varchar(100);
