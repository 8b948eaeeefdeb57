-- Other programmes ask hardship where a person's household stands (HouseholdStandings): the household is found by
-- the ID number of the worker it is opened under (already unique) or of a member, then its files and cases.
create index ua_household_member_id_number on ua_household_member (id_number);
create index ua_household_file_household on ua_household_file (household_id);
create index ua_hardship_case_household on ua_hardship_case (household_id);
