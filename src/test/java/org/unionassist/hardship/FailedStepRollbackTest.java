package org.unionassist.hardship;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.unionassist.support.CaseDriver.decisionOf;

/** Engine and domain share one transaction: a failure late in the filing step leaves no file, no sign-off, no move. */
@ProcessTest
class FailedStepRollbackTest {

    @Autowired CaseDriver driver;
    @Autowired HardshipCaseRepository cases;
    @Autowired HouseholdFileRepository files;
    @Autowired SignOffRepository signOffs;
    @MockitoSpyBean AuditTrail auditTrail;

    @Test
    void aFailureAfterTheFileWasWrittenLeavesNoDomainRowBehind() {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        long filesBefore = files.count();
        long signOffsBefore = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).size();
        // the file row is written first, then the audit record fails
        doThrow(new IllegalStateException("audit store unavailable")).when(auditTrail)
                .recordEvent(any(), eq(HardshipDecisions.FILE), anyString(), anyString(), any(), any());

        assertThatThrownBy(() -> driver.complete(pi, "cityApproval", "city.chair", "approve", "同意"))
                .hasMessageContaining("audit store unavailable");

        assertThat(files.count()).isEqualTo(filesBefore);
        HardshipCase unchanged = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(unchanged.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()))
                .hasSize((int) signOffsBefore).extracting(SignOff::getStepId).doesNotContain("cityApproval");
        assertThat(pi).isWaitingAt("cityApproval");
    }
}
