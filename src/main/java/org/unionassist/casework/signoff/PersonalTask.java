package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;

import java.util.Objects;

/**
 * Task listener on the assignment event of every user task ({@code ${personalTask}}): a step declared {@code vote}
 * belongs to the one member it was created for. It has that member as its only candidate and assignee, so nobody
 * else lists or opens it, and any change of assignee (unassign, claim, delegate, set assignee), through Tasklist or
 * the REST API, is refused and rolled back. Steps that are not personal pass untouched.
 */
@Component("personalTask")
public class PersonalTask implements TaskListener {

    /** Task-local variable holding the member a personal task was created for. */
    static final String SIGNER = "personalSigner";

    @Override
    public void notify(DelegateTask task) {
        if (!StepRules.of(task).vote()) {
            return;
        }
        Object signer = task.getVariableLocal(SIGNER);
        if (signer == null) {
            // the assignment made when the task is created: this member is the one who votes
            task.setVariableLocal(SIGNER, task.getAssignee());
        } else if (!Objects.equals(signer, task.getAssignee())) {
            throw new UnionAssistException(CaseworkError.VOTE_NOT_YOURS,
                    "「" + task.getName() + "」只能由被选定的成员本人办理，不能认领、转交或取消认领");
        }
    }

    /** The member a personal task was created for, or null when the step is not personal. */
    static String signerOf(DelegateTask task) {
        Object signer = task.getVariableLocal(SIGNER);
        return signer == null ? null : signer.toString();
    }
}
