package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateTask;

import org.unionassist.casework.ShanghaiClock;

import java.util.Date;
import java.util.StringJoiner;

/**
 * What a step found, as the sentence later steps and auditors read: the variables its {@code findings} property names,
 * under their labels ({@code 入户日期：2026-12-01；调查情况：……}). Empty values are left out.
 */
final class StepFindings {

    private static final int MAX = 4000;

    private StepFindings() {
    }

    static String of(DelegateTask task, StepRules step) {
        StringJoiner text = new StringJoiner("；");
        step.findings().forEach((variable, label) -> {
            Object value = task.getVariable(variable);
            String shown = shown(value);
            if (shown != null) {
                text.add(label + "：" + shown);
            }
        });
        String findings = text.toString();
        if (findings.isEmpty()) {
            return null;
        }
        return findings.length() > MAX ? findings.substring(0, MAX - 1) + "…" : findings;
    }

    private static String shown(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ShanghaiClock.ZONE).toLocalDate().toString();
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
