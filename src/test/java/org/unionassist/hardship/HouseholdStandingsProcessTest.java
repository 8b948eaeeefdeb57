package org.unionassist.hardship;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.CaseDriver.visitOf;

/** What education grants and the send-warmth campaign learn from hardship about a person's household. */
@ProcessTest
class HouseholdStandingsProcessTest {

    @Autowired CaseDriver driver;
    @Autowired HouseholdStandings standings;
    @Autowired HardshipCaseRepository cases;
    @Autowired HouseholdFileRepository files;
    @Autowired ShanghaiClock clock;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private static VariableMap applicationWithSpouse(String applicant, String spouse) {
        return CaseDriver.deepHardshipApplication(applicant).putValueTyped("householdMembers", SpinValues.jsonValue(
                "[{\"memberName\":\"李秀英\",\"memberRelation\":\"配偶\",\"memberIdNumber\":\"" + spouse + "\"},"
                        + "{\"memberName\":\"王小明\",\"memberRelation\":\"子女\",\"memberIdNumber\":\"\"}]").create());
    }

    private HouseholdFile file(VariableMap application) {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", application);
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意建档");
        Long household = cases.findByProcessInstanceId(pi.getId()).orElseThrow().getHousehold().getId();
        return files.findByOpenHouseholdId(household).orElseThrow();
    }

    private ProcessInstance rejectedByTheGrassrootsChair(String idNumber) {
        ProcessInstance pi = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(idNumber));
        driver.complete(pi, "homeVisit", "eaststreet.clerk", visitOf("submit", null, "x"));
        driver.complete(pi, "grassrootsReview", "eaststreet.chair", "reject", "家庭收入明显高于申报");
        return pi;
    }

    @Test
    void anOpenDeepFileIsFoundByTheApplicantsIdAndByAMembersId() {
        String applicant = IdNumbers.next();
        String spouse = IdNumbers.next();
        HouseholdFile file = file(applicationWithSpouse(applicant, spouse));

        HouseholdStanding byApplicant = standings.of(applicant);
        assertThat(byApplicant.filed()).isTrue();
        assertThat(byApplicant.fileStatus()).isEqualTo(FileStatus.OPEN);
        assertThat(byApplicant.fileNumber()).isEqualTo(file.getFileNumber()).startsWith("DA");
        assertThat(byApplicant.category()).isEqualTo(HardshipCategory.DEEP);
        assertThat(byApplicant.unionId()).isEqualTo("eaststeel");
        assertThat(byApplicant.effectiveDate()).isEqualTo(file.getEffectiveDate());
        assertThat(byApplicant.ending()).isEmpty();
        assertThat(byApplicant.maskedIdNumber()).isEqualTo(PersonalData.maskIdNumber(applicant));
        assertThat(byApplicant.toString()).doesNotContain(applicant);

        HouseholdStanding bySpouse = standings.of(" " + spouse.toLowerCase() + " ");
        assertThat(bySpouse.filed()).isTrue();
        assertThat(bySpouse.fileNumber()).isEqualTo(file.getFileNumber());
        assertThat(bySpouse.category()).isEqualTo(HardshipCategory.DEEP);
        assertThat(bySpouse.maskedIdNumber()).isEqualTo(PersonalData.maskIdNumber(spouse));
        assertThat(bySpouse.toString()).doesNotContain(spouse).doesNotContain(applicant).doesNotContain("李秀英");
    }

    @Test
    void aPersonHardshipNeverHeardOfHasNoFile() {
        String stranger = IdNumbers.next();

        HouseholdStanding standing = standings.of(stranger);

        assertThat(standing.filed()).isFalse();
        assertThat(standing.fileStatus()).isNull();
        assertThat(standing.fileNumber()).isNull();
        assertThat(standing.category()).isNull();
        assertThat(standing.ending()).isEmpty();
        assertThat(standing.maskedIdNumber()).isEqualTo(PersonalData.maskIdNumber(stranger));
        assertThat(standings.of("").filed()).isFalse();
    }

    @Test
    void aFileClosedThisYearIsReportedWithItsReason() {
        String applicant = IdNumbers.next();
        String spouse = IdNumbers.next();
        HouseholdFile file = file(applicationWithSpouse(applicant, spouse));
        ProcessInstance recheck = driver.runtime().createProcessInstanceQuery().processDefinitionKey("hardshipFileRecheck")
                .processInstanceBusinessKey(file.getFileNumber()).singleResult();
        driver.fireTimer(recheck);
        driver.complete(recheck, "annualRecheck", "eaststeel.clerk", decisionOf("submit", null)
                .putValue("householdSize", 3).putValue("annualIncome", 90000).putValue("rigidExpenditure", 0)
                .putValue("illnessAccidentCost", 0).putValue("hardshipCause", "illness")
                .putValue("visitFindings", "入户核查"));
        driver.complete(recheck, "recheckApproval", "eaststeel.chair",
                decisionOf("close", "人均收入连续6个月高于低保").putValue("closeReason", "outOfHardship"));

        HouseholdStanding standing = standings.of(spouse);

        assertThat(standing.filed()).isFalse();
        assertThat(standing.fileStatus()).isEqualTo(FileStatus.CLOSED);
        assertThat(standing.fileNumber()).isEqualTo(file.getFileNumber());
        HouseholdStanding.Ending ending = standing.ending().orElseThrow();
        assertThat(ending.kind()).isEqualTo(HouseholdStanding.Kind.FILE_CLOSED);
        assertThat(ending.on()).isEqualTo(clock.today());
        assertThat(ending.number()).isEqualTo(file.getFileNumber());
        assertThat(ending.reason()).contains("人均收入连续6个月高于低保");
    }

    @Test
    void anApplicationRejectedThisYearIsReportedWithItsReason() {
        String applicant = IdNumbers.next();
        ProcessInstance pi = rejectedByTheGrassrootsChair(applicant);

        HouseholdStanding standing = standings.of(applicant);

        assertThat(standing.filed()).isFalse();
        assertThat(standing.fileStatus()).isNull();
        HouseholdStanding.Ending ending = standing.ending().orElseThrow();
        assertThat(ending.kind()).isEqualTo(HouseholdStanding.Kind.FOUND_INELIGIBLE);
        assertThat(ending.on()).isEqualTo(clock.today());
        assertThat(ending.reason()).isEqualTo("家庭收入明显高于申报");
        assertThat(ending.number()).isEqualTo(cases.findByProcessInstanceId(pi.getId()).orElseThrow().getCaseNumber());
    }

    @Test
    void aRejectionOfAnEarlierYearIsNotReported() {
        String applicant = IdNumbers.next();
        CaseDriver.today(LocalDate.now(ShanghaiClock.ZONE).minusYears(1));
        rejectedByTheGrassrootsChair(applicant);
        CaseDriver.realTime();

        assertThat(standings.of(applicant).ending()).isEmpty();
    }
}
