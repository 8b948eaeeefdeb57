package org.unionassist.payment;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.support.TestDatabases;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V9 keys the disbursements paid before it by payee and purpose: a medical claim's row gets the claim's membership
 * and MEDICAL_CLAIM, and the process instance is no longer unique on its own. Runs on H2, and in the
 * PostgreSQL run of {@code mvn verify} on PostgreSQL ({@link TestDatabases}).
 */
class DisbursementMigrationTest {

    @Test
    void migratesTheDisbursementsPaidBefore() {
        migratesTheDisbursementsPaidBefore(TestDatabases.fresh("union-assist-migration"));
    }

    private void migratesTheDisbursementsPaidBefore(DataSource dataSource) {
        migrate(dataSource, "8");
        JdbcTemplate db = new JdbcTemplate(dataSource);
        db.update("insert into ua_medical_enrolment (process_instance_id, plan_year, grassroots_union_id,"
                + " district_union_id, city_union_id, status, member_count, fee_total, submitted_on)"
                + " values ('enrol-1', 2026, 'eaststeel', 'east', 'city', 'CONFIRMED', 1, 36.00, date '2025-11-01')");
        long enrolment = db.queryForObject("select id from ua_medical_enrolment", Long.class);
        db.update("insert into ua_medical_membership (enrolment_id, plan_year, worker_name, id_number,"
                + " grassroots_union_id, status, fee, approved_total, version)"
                + " values (?, 2026, '张伟', '110101199003074514', 'eaststeel', 'ACTIVE', 36.00, 3200.00, 0)", enrolment);
        long membership = db.queryForObject("select id from ua_medical_membership", Long.class);
        db.update("insert into ua_medical_claim (claim_number, process_instance_id, membership_id, plan_year,"
                + " member_name, id_number, grassroots_union_id, district_union_id, city_union_id, claim_type,"
                + " admission_date, discharge_date, total_cost, insurance_paid, self_paid, diagnosis, bank_card,"
                + " status, proposed_payout, payout_breakdown, approval_level, approved_payout, filed_on)"
                + " values ('YL2026000001', 'claim-1', ?, 2026, '张伟', '110101199003074514', 'eaststeel', 'east',"
                + " 'city', 'INPATIENT', date '2026-03-01', date '2026-03-10', 20000.00, 8000.00, 12000.00, '阑尾炎',"
                + " '6222020200112233445', 'APPROVED', 3200.00, '-', 'DISTRICT', 3200.00, date '2026-03-20')",
                membership);
        insertDisbursement(db, "claim-1", "medicalAidClaim", "YL2026000001");
        insertDisbursement(db, "other-1", "someProgramme", "XX2026000001");

        migrate(dataSource, "9");

        assertThat(keyOf(db, "claim-1")).containsEntry("payee_key", "membership:" + membership)
                .containsEntry("purpose", "MEDICAL_CLAIM");
        assertThat(keyOf(db, "other-1")).containsEntry("payee_key", "case").containsEntry("purpose", "CASE_PAYOUT");
        String secondPayee = "insert into ua_disbursement (process_instance_id, payee_key, purpose,"
                + " process_definition_key, case_number, payee_name, payee_id_number, bank_card, amount, status,"
                + " union_id, created_at) values ('claim-1', 'membership:999', 'MEDICAL_CLAIM', 'medicalAidClaim',"
                + " 'YL2026000001', '李娜', '110101199003074514', '6222020200112233445', 100.00, 'PENDING',"
                + " 'eaststeel', current_timestamp)";
        db.update(secondPayee);
        assertThatThrownBy(() -> db.update(secondPayee)).as("one payee, one purpose, one process: one row")
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db.update("insert into ua_disbursement (process_instance_id, payee_key, purpose,"
                + " process_definition_key, case_number, payee_name, payee_id_number, bank_card, amount, status,"
                + " union_id, created_at) values (null, 'x', 'X', 'p', 'c', 'n', 'i', 'b', 1.00, 'PENDING', 'u',"
                + " current_timestamp)")).as("the replaced column is still required")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("ua_schema_history")
                .target(target).load().migrate();
    }

    private static void insertDisbursement(JdbcTemplate db, String processInstanceId, String programme,
                                           String caseNumber) {
        db.update("insert into ua_disbursement (process_instance_id, process_definition_key, case_number, payee_name,"
                + " payee_id_number, bank_card, amount, status, union_id, created_at) values (?, ?, ?, '张伟',"
                + " '110101199003074514', '6222020200112233445', 3200.00, 'PENDING', 'eaststeel', current_timestamp)",
                processInstanceId, programme, caseNumber);
    }

    private static Map<String, Object> keyOf(JdbcTemplate db, String processInstanceId) {
        return db.queryForMap("select payee_key, purpose from ua_disbursement where process_instance_id = ?",
                processInstanceId);
    }
}
