-- PostgreSQL does not index a foreign key on its own (H2 does): the lookups that follow one from the parent side get
-- an index each, so that they stay index scans on a city's data. docs/operations.md lists every index the project adds.
create index ua_union_parent on ua_union (parent_id);
create index ua_household_member_household on ua_household_member (household_id);
create index ua_medical_membership_enrolment on ua_medical_membership (enrolment_id);
create index ua_medical_claim_membership on ua_medical_claim (membership_id);
