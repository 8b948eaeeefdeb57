package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.PublicNotice;

/** 公示 of a district's approved applications: the shared {@link PublicNotice} for the configured working days. */
@Component("grantNotice")
public class GrantNotice {

    private final PublicNotice notice;
    private final EducationProperties properties;
    private final EducationGrants grants;

    public GrantNotice(PublicNotice notice, EducationProperties properties, EducationGrants grants) {
        this.notice = notice;
        this.properties = properties;
        this.grants = grants;
    }

    /** Service step 发布公示. */
    public void start(DelegateExecution execution) {
        notice.start(execution, properties.publicNoticeWorkingDays());
    }

    /** Service step 公示期满无异议: on to the city. */
    public void passed(DelegateExecution execution) {
        EducationGrant g = grants.byProcessInstance(execution.getProcessInstanceId());
        g.moveTo(EducationGrant.Status.AWAITING_CITY);
        notice.passed(execution, GrantRecords.values(g, PublicNotice.round(execution)), GrantVariables.snapshot(g));
    }
}
