-- The case register (casework.register): one row per case of every programme, written by the shared case skeleton as
-- the case moves (opened, each step created and signed, ended), so that auditors search all programmes, running and
-- finished, with one paged query. Personal data only masked: the applicant's name as 张*, and a digest of the full
-- name for an exact search. The amount is the last amount a signer set.
create table ua_case (
    process_instance_id     varchar(64)  primary key,
    process_definition_key  varchar(64)  not null,
    programme_name          varchar(100) not null,
    case_number             varchar(64),
    grassroots_union_id     varchar(32),
    district_union_id       varchar(32),
    city_union_id           varchar(32),
    applicant_masked        varchar(100),
    applicant_digest        varchar(64),
    amount                  numeric(14, 2),
    current_step            varchar(200),
    state                   varchar(10)  not null,
    outcome                 varchar(20),
    outcome_label           varchar(100),
    started_at              timestamp with time zone not null,
    started_on              date         not null,
    ended_at                timestamp with time zone,
    ended_on                date
);
create index ua_case_city on ua_case (city_union_id, started_on);
create index ua_case_district on ua_case (district_union_id, started_on);
create index ua_case_grassroots on ua_case (grassroots_union_id, started_on);
create index ua_case_number on ua_case (case_number);
create index ua_case_applicant on ua_case (applicant_digest);
create index ua_case_programme on ua_case (process_definition_key, started_on);
