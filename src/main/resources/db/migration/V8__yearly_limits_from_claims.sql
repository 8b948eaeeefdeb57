-- A claim type's yearly limit is now checked against the member's approved claims of that type (any type the
-- benefit table gives a limit to), so the special-outpatient running total is no longer kept.
alter table ua_medical_membership drop column outpatient_total;
