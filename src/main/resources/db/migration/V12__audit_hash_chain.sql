-- The audit trails as hash chains (audit.AuditChain): each row gets, when it is sealed, its place in the chain, the
-- hash of the row sealed before it and its own hash. Rows written before this migration are sealed by the first
-- sealing, in the order of their ids. ua_audit_chain holds each chain's head: the last sequence and hash sealed.
alter table ua_sign_off add column chain_seq bigint;
alter table ua_sign_off add column previous_hash varchar(64);
alter table ua_sign_off add column row_hash varchar(64);
create unique index ua_sign_off_chain on ua_sign_off (chain_seq);

alter table ua_manual_intervention add column chain_seq bigint;
alter table ua_manual_intervention add column previous_hash varchar(64);
alter table ua_manual_intervention add column row_hash varchar(64);
create unique index ua_manual_intervention_chain on ua_manual_intervention (chain_seq);

create table ua_audit_chain (
    name       varchar(32) primary key,
    last_seq   bigint      not null,
    last_hash  varchar(64) not null
);
insert into ua_audit_chain (name, last_seq, last_hash)
    values ('sign-off', 0, '0000000000000000000000000000000000000000000000000000000000000000');
insert into ua_audit_chain (name, last_seq, last_hash)
    values ('intervention', 0, '0000000000000000000000000000000000000000000000000000000000000000');
