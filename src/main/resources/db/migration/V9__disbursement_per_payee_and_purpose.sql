-- A disbursement is one payment to one payee for one purpose within a process (a campaign list pays many people
-- from one process): (process instance, payee key, purpose) is unique instead of the process instance alone.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL 14+.

alter table ua_disbursement add column payee_key varchar(64);
alter table ua_disbursement add column purpose varchar(32);

-- Before V9 only approved medical claims were paid, once each, to the claim's member: the payee key is the claim's
-- membership (as ClaimOutcome writes it). A row without a claim stays the one payment of its case.
update ua_disbursement set
    payee_key = coalesce((select 'membership:' || cast(c.membership_id as varchar(20)) from ua_medical_claim c
                          where c.process_instance_id = ua_disbursement.process_instance_id), 'case'),
    purpose = case when process_definition_key = 'medicalAidClaim' then 'MEDICAL_CLAIM' else 'CASE_PAYOUT' end;

alter table ua_disbursement alter column payee_key set not null;
alter table ua_disbursement alter column purpose set not null;

-- The old unique constraint has a generated name that differs between H2 and PostgreSQL: replacing the column drops
-- it on both.
alter table ua_disbursement add column process_instance_key varchar(64);
update ua_disbursement set process_instance_key = process_instance_id;
alter table ua_disbursement drop column process_instance_id;
alter table ua_disbursement rename column process_instance_key to process_instance_id;
alter table ua_disbursement alter column process_instance_id set not null;

-- its leading column also serves the look-ups by process instance
alter table ua_disbursement add constraint ua_disbursement_once unique (process_instance_id, payee_key, purpose);
