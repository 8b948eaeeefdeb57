package org.unionassist.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points camunda-bpm-assert at the engine of the test's own Spring context. Left alone it takes the engine registered
 * under the name "default", and every context of a test run registers one under that name: after a REST test has
 * started its own context, a process test's {@code assertThat(pi)} would read another database.
 */
public class AssertOnThisEngine implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        AbstractAssertions.init(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        AbstractAssertions.reset();
    }
}
