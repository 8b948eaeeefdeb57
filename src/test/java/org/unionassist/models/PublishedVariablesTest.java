package org.unionassist.models;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.organisation.TasklistFilters;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;

/**
 * A case's process variables are what its forms show and its models route on, nothing more: every variable a case
 * held on its way is named by a form (a field, or an expression that shows or hides one), by a model (a condition,
 * an assignment, a DMN input), by a Tasklist card, by the user guide's list of what auditors filter by in Cockpit, or
 * read back by the programme's code. A figure published "just in case" fails here, and so does a form that stopped
 * showing what a sign-off still writes.
 */
@ProcessTest
class PublishedVariablesTest {

    /** The engine's own multi-instance counters, and the signer a personal vote task keeps (casework/signoff). */
    private static final Set<String> BOOKKEEPING = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "personalSigner");
    private static final Pattern GUIDE_FILTERS = Pattern.compile("\\*\\*在 Cockpit 中按变量筛选办理中的案件\\*\\*(.*?)\\n\\n",
            Pattern.DOTALL);
    private static final Pattern JAVA_READ = Pattern.compile(
            "(?:getVariable|getVariableLocal|hasVariable|getVariableTyped)\\(\"([A-Za-z_][A-Za-z0-9_]*)\"");

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired HistoryService history;

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void everyVariableOfAFiledHardshipCaseIsShownRoutedOnOrReadBack() {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", null);

        assertThat(unreferenced(pi)).isEmpty();
    }

    @Test
    void everyVariableOfAHardshipCaseRejectedByThePanelIsShownRoutedOnOrReadBack() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", "材料齐全", "属实"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", CaseDriver.approveWithPanel("eaststeel"));
        driver.vote(pi, "eaststeel.rep1", "disagree");
        driver.vote(pi, "eaststeel.rep2", "disagree");
        driver.vote(pi, "eaststeel.rep3", "agree");

        assertThat(unreferenced(pi)).isEmpty();
    }

    @Test
    void everyVariableOfAnEnrolmentAndOfAClaimPaidAfterTheCitysApprovalIsShownRoutedOnOrReadBack() {
        String member = IdNumbers.next();
        ProcessInstance enrolment = medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟",
                member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance claim = medical.fileClaim("eaststeel.clerk", MedicalAidDriver.inpatientClaim(member, 20000));
        driver.complete(claim, "documentCheck", "eaststeel.clerk", MedicalAidDriver.documentsChecked());
        driver.complete(claim, "claimDistrictApproval", "east.chair", "approve", "同意");
        driver.complete(claim, "cityMedicalReview", "city.clerk", "submit", "复核无误");
        driver.complete(claim, "claimCityApproval", "city.chair", "approve", "同意赔付");
        medical.settle(claim);
        assertThat(claim).isEnded();

        assertThat(unreferenced(enrolment)).isEmpty();
        assertThat(unreferenced(claim)).isEmpty();
    }

    private Set<String> unreferenced(ProcessInstance pi) {
        Set<String> names = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().stream()
                .map(HistoricVariableInstance::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).as("the case published its variables").isNotEmpty();
        String models = text(Path.of("forms"), ".form") + text(Path.of("processes"), ".bpmn")
                + text(Path.of("processes"), ".dmn");
        Set<String> readBack = JAVA_READ.matcher(text(Path.of("src/main/java"), ".java")).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        TasklistFilters.CARD_VARIABLES.forEach(card -> readBack.add(card.get("name")));
        Matcher guide = GUIDE_FILTERS.matcher(text(Path.of("docs"), "user-guide.md"));
        assertThat(guide.find()).as("the user guide lists what auditors filter by in Cockpit").isTrue();
        Pattern.compile("`([A-Za-z]+)`").matcher(guide.group(1)).results().forEach(m -> readBack.add(m.group(1)));
        return names.stream()
                .filter(name -> !BOOKKEEPING.contains(name))
                .filter(name -> !readBack.contains(name))
                .filter(name -> !Pattern.compile("(?<![A-Za-z0-9_])" + name + "(?![A-Za-z0-9_])").matcher(models).find())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String text(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
            StringBuilder all = new StringBuilder();
            for (Path file : found) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
