package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.CaseDriver.decisionOf;

/**
 * 民主评议: the chair picked rep1, rep2 and rep3. Each vote is its member's own: nobody else lists it, claims it,
 * unassigns it, hands it on or casts it, and the member cannot give it away either.
 */
@ProcessTest
class PersonalVoteTest {

    @Autowired CaseDriver driver;
    @Autowired ProcessEngine engine;
    @Autowired SignOffRepository signOffs;

    private ProcessInstance pi;
    private Task rep3Vote;

    @BeforeEach
    void caseAtTheVote() {
        pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "eaststeel.clerk", decisionOf("submit", null)
                .putValue("visitDate", "2026-12-01").putValue("visitFindings", "家中有重病老人"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", CaseDriver.approveWithPanel("eaststeel"));
        rep3Vote = driver.tasks().createTaskQuery().processInstanceId(pi.getId())
                .taskAssignee("eaststeel.rep3").singleResult();
        assertThat(rep3Vote).isNotNull();
    }

    @Test
    void anotherPanelMemberDoesNotSeeTheVoteInAnyList() {
        List<Task> seenByRep4 = driver.as("eaststeel.rep4", () -> driver.tasks().createTaskQuery()
                .processInstanceId(pi.getId()).list());
        assertThat(seenByRep4).isEmpty();
        // what the 本单位待办 filter asks: tasks of my groups, assigned or not
        List<Task> unitTasks = driver.as("eaststeel.rep4", () -> driver.tasks().createTaskQuery()
                .taskCandidateGroupIn(List.of("eaststeel-panel")).includeAssignedTasks().list());
        assertThat(unitTasks).isEmpty();
        assertThat(driver.as("eaststeel.rep3", () -> driver.tasks().createTaskQuery()
                .processInstanceId(pi.getId()).list())).extracting(Task::getId).containsExactly(rep3Vote.getId());
    }

    @Test
    void anotherPanelMemberCannotUnassignClaimOrCastTheVote() {
        String id = rep3Vote.getId();
        assertThatThrownBy(() -> driver.asDo("eaststeel.rep4", () -> driver.tasks().setAssignee(id, null)))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> driver.asDo("eaststeel.rep4", () -> driver.tasks().claim(id, "eaststeel.rep4")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> driver.asDo("eaststeel.rep4",
                () -> driver.tasks().complete(id, decisionOf("disagree", "不同意"))))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> driver.asDo("eaststeel.chair", () -> driver.tasks().setAssignee(id, "eaststeel.chair")))
                .isInstanceOf(AuthorizationException.class);

        assertThat(assigneeOf(id)).isEqualTo("eaststeel.rep3");
        assertThat(signOffs.countByProcessInstanceIdAndStepIdAndRound(pi.getId(), "democraticReview", 1)).isZero();
    }

    @Test
    void theMemberCannotGiveTheirVoteAway() {
        String id = rep3Vote.getId();
        assertThatThrownBy(() -> driver.asDo("eaststeel.rep3", () -> driver.tasks().setAssignee(id, null)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("只能由被选定的成员本人办理")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(CaseworkError.VOTE_NOT_YOURS));
        assertThatThrownBy(() -> driver.asDo("eaststeel.rep3",
                () -> driver.tasks().delegateTask(id, "eaststeel.rep4")))
                .isInstanceOf(UnionAssistException.class)
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(CaseworkError.VOTE_NOT_YOURS));
        assertThat(assigneeOf(id)).isEqualTo("eaststeel.rep3");
    }

    @Test
    void evenAnOperatorCannotHandTheVoteToSomeoneElse() {
        assertThatThrownBy(() -> driver.asDo("admin", () -> driver.tasks().setAssignee(rep3Vote.getId(),
                "eaststeel.rep4")))
                .isInstanceOf(UnionAssistException.class)
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(CaseworkError.VOTE_NOT_YOURS));
        assertThat(assigneeOf(rep3Vote.getId())).isEqualTo("eaststeel.rep3");
    }

    @Test
    void theChosenMemberVotesAndTheVoteIsSignedInTheirPanelSeat() {
        driver.vote(pi, "eaststeel.rep3", "disagree");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).stream()
                .filter(s -> s.getStepId().equals("democraticReview")).findFirst().orElseThrow())
                .satisfies(vote -> {
                    assertThat(vote.getActorId()).isEqualTo("eaststeel.rep3");
                    assertThat(vote.getActorUnionName()).isEqualTo("东城钢铁厂工会");
                    assertThat(vote.getActorRole()).isEqualTo("民主评议小组成员");
                    assertThat(vote.getDecisionLabel()).isEqualTo("反对");
                });
    }

    private String assigneeOf(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }
}
