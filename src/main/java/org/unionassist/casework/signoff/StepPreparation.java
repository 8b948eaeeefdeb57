package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task's create event ({@code ${stepPreparation}}): clears the decision and opinion on
 * the task's own execution, so a form never opens pre-filled with an earlier step's (or an earlier round's) answer,
 * and parallel panel votes each keep their answer in their own scope.
 */
@Component("stepPreparation")
public class StepPreparation implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariableLocal(SignOffRecorder.DECISION, null);
        task.getExecution().setVariableLocal(SignOffRecorder.OPINION, null);
    }
}
