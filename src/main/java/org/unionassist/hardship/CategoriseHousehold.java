package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;

/** Service step 测算困难类别 ({@code ${categoriseHousehold}}): asks the DMN table and keeps its answer with the case. */
@Component("categoriseHousehold")
public class CategoriseHousehold implements JavaDelegate {

    private final HardshipCases cases;
    private final HardshipCategorisation categorisation;
    private final ShanghaiClock clock;

    public CategoriseHousehold(HardshipCases cases, HardshipCategorisation categorisation, ShanghaiClock clock) {
        this.cases = cases;
        this.categorisation = categorisation;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HardshipCase hardshipCase = cases.byProcessInstance(execution.getProcessInstanceId());
        cases.categorised(hardshipCase, categorisation.categorise(hardshipCase.figures(), clock.today()));
        CaseVariables.publish(execution, hardshipCase);
    }
}
