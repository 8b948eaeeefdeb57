package org.unionassist.casework;

import org.junit.jupiter.api.Test;
import org.unionassist.audit.AuditError;
import org.unionassist.education.EducationError;
import org.unionassist.hardship.HardshipError;
import org.unionassist.intake.IntakeError;
import org.unionassist.operations.OperationsError;
import org.unionassist.medical.MedicalError;
import org.unionassist.payment.PaymentError;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes are shared by every programme's API clients: each is unique, ours (20000+), and a 4xx. */
class ErrorCodesTest {

    private static final List<ErrorCode> ALL = Stream.of(CaseworkError.values(), HardshipError.values(), OperationsError.values(),
            MedicalError.values(), PaymentError.values(), EducationError.values(),
            AuditError.values(),
            IntakeError.values()).flatMap(Arrays::stream).map(c -> (ErrorCode) c).toList();

    @Test
    void everyCodeIsUniqueAndOutsideCamundasRange() {
        assertThat(ALL).extracting(ErrorCode::code).doesNotHaveDuplicates().allMatch(c -> c >= 20000);
        assertThat(ALL).extracting(ErrorCode::name).doesNotHaveDuplicates();
    }

    @Test
    void everyRefusalIsAClientError() {
        assertThat(ALL).extracting(ErrorCode::httpStatus).allMatch(s -> s >= 400 && s < 500);
    }
}
