package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.PublicNotice;
import org.unionassist.casework.signoff.SignedValues;

/** 公示 of a hardship verification: the shared {@link PublicNotice} for the configured number of working days. */
@Component("publicNoticePeriod")
public class PublicNoticePeriod {

    private final PublicNotice notice;
    private final HardshipProperties properties;
    private final HardshipCases cases;

    public PublicNoticePeriod(PublicNotice notice, HardshipProperties properties, HardshipCases cases) {
        this.notice = notice;
        this.properties = properties;
        this.cases = cases;
    }

    /** Service step 发布公示. */
    public void start(DelegateExecution execution) {
        notice.start(execution, properties.publicNoticeWorkingDays());
    }

    /** Service step 公示期满无异议. */
    public void passed(DelegateExecution execution) {
        HardshipCase c = cases.byProcessInstance(execution.getProcessInstanceId());
        notice.passed(execution, new SignedValues(c.getCategory().name(), c.getCategory().label(), null,
                PublicNotice.round(execution)), CaseVariables.snapshot(c));
    }
}
