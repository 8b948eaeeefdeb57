package org.unionassist.casework.signoff;

import org.junit.jupiter.api.Test;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.hardship.HardshipDecisions;
import org.unionassist.medical.MedicalDecisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared decisions live in casework; a programme declares its own, and the audit table keeps the stored names. */
class DecisionTest {

    @Test
    void aProgrammesDecisionIsFoundByItsCodeAndStoredUnderTheNameItAlwaysHad() {
        // declared when the programme's class is loaded (in the application: when its bean is created)
        Decision keep = HardshipDecisions.KEEP;
        Decision settle = MedicalDecisions.SETTLE;
        assertThat(Decision.fromCode("keep")).isSameAs(keep);
        assertThat(Decision.fromCode("settle")).isSameAs(settle);
        assertThat(Decision.NOTICE_PASSED.name()).isEqualTo("NOTICE_PASSED");
        assertThat(HardshipDecisions.RECATEGORISE.name()).isEqualTo("RECATEGORISE");
        DecisionColumn column = new DecisionColumn();
        assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(MedicalDecisions.CONFIRM)))
                .isSameAs(MedicalDecisions.CONFIRM);
    }

    @Test
    void aCodeCannotBeDeclaredTwiceWithOtherWordsAndAnUnknownCodeIsRefusedInChinese() {
        assertThat(Decision.declare("approve", "同意", false)).isSameAs(Decision.APPROVE);
        assertThatThrownBy(() -> Decision.declare("approve", "批准", false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Decision.fromCode("maybe")).isInstanceOf(UnionAssistException.class)
                .hasMessage("无法识别的审批结论：maybe")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode())
                        .isEqualTo(CaseworkError.DECISION_NOT_ALLOWED));
    }
}
