package org.unionassist.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.payment.PaymentBatch;
import org.unionassist.payment.PaymentBatchRepository;
import org.unionassist.payment.PaymentLine;
import org.unionassist.payment.PaymentLineRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.camunda.spin.Spin.JSON;

/**
 * Payments as the city's clerk and chair work them: approved cases with their disbursements, a batch started in
 * Tasklist, and the bank's result file for a batch as the bank would send it back.
 */
@Component
public class PaymentDriver {

    public static final String BATCH = "paymentBatch";

    private final ProcessEngine engine;
    private final CaseDriver driver;
    private final MedicalAidDriver medical;
    private final EducationGrantDriver education;
    private final DisbursementRepository disbursements;
    private final PaymentBatchRepository batches;
    private final PaymentLineRepository lines;

    public PaymentDriver(ProcessEngine engine, CaseDriver driver, MedicalAidDriver medical,
                         EducationGrantDriver education, DisbursementRepository disbursements,
                         PaymentBatchRepository batches, PaymentLineRepository lines) {
        this.engine = engine;
        this.driver = driver;
        this.medical = medical;
        this.education = education;
        this.disbursements = disbursements;
        this.batches = batches;
        this.lines = lines;
    }

    /** An inpatient claim of eaststeel approved by the east district on 20 March 2026 and paid out: its disbursement. */
    public Disbursement approvedClaim(String name) {
        ProcessInstance pi = medical.paidInpatientClaim("eaststeel", "east", name, IdNumbers.next(), 12000);
        return disbursements.findAllByProcessInstanceIdOrderByIdAsc(pi.getId()).get(0);
    }

    /** An undergraduate's grant from a deep-hardship household, approved by the city on 6 July 2026: its disbursement. */
    public Disbursement approvedGrant() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
        String worker = IdNumbers.next();
        education.deepHardshipFile("eaststeel", "east", worker);
        ProcessInstance pi = education.atCityApproval("eaststeel", "east",
                EducationGrantDriver.application(IdNumbers.next(), worker, "undergraduate"));
        education.placesLeft(2026, "east", 1);
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意");
        education.pay(pi);
        return disbursements.findAllByProcessInstanceIdOrderByIdAsc(pi.getId()).get(0);
    }

    /** The start form: the programmes ticked, and the day of approval up to which pending payments are taken. */
    public static VariableMap startForm(LocalDate approvedUpTo, String... programmes) {
        return Variables.createVariables()
                .putValueTyped("programmes", SpinValues.jsonValue(JSON(List.of(programmes)).toString()).create())
                .putValue("approvedUpTo", approvedUpTo == null ? null : approvedUpTo.toString());
    }

    public ProcessInstance start(String clerk, VariableMap form) {
        return medical.start(clerk, BATCH, form);
    }

    public ProcessInstance start(String clerk) {
        return start(clerk, startForm(null, "medicalAidClaim", "educationGrant", "warmthList"));
    }

    /** Started by {@code clerk}, submitted as it is, and approved by {@code chair}: ready for the bank. */
    public ProcessInstance approved(String clerk, String chair) {
        ProcessInstance pi = start(clerk);
        driver.complete(pi, "reviewBatch", clerk, "submit", "已核对");
        driver.complete(pi, "approveBatch", chair, "approve", "同意支付");
        return pi;
    }

    public PaymentBatch batch(ProcessInstance pi) {
        return batches.findByProcessInstanceId(pi.getId()).orElseThrow();
    }

    public List<PaymentLine> lines(ProcessInstance pi) {
        return lines.findAllByBatchIdOrderByLineNoAsc(batch(pi).getId());
    }

    public PaymentLine lineOf(ProcessInstance pi, Disbursement d) {
        return lines(pi).stream().filter(l -> l.getDisbursementId().equals(d.getId())).findFirst().orElseThrow();
    }

    /**
     * The bank's result sheet for every line of the batch: the disbursements named in {@code failures} failed with
     * that reason, every other line paid. A header row first, as the bank's sheet has.
     */
    public byte[] bankResult(ProcessInstance pi, Map<Long, String> failures) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"业务参考号", "收款人姓名", "收款账号", "金额", "处理结果", "失败原因"});
        for (PaymentLine l : lines(pi)) {
            String reason = failures.get(l.getDisbursementId());
            rows.add(new Object[]{l.getReference(), l.getPayeeName(), l.getBankCard(), l.getAmount().toPlainString(),
                    reason == null ? "成功" : "失败", reason == null ? "" : reason});
        }
        try {
            return Spreadsheets.excel(rows.toArray(Object[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessEngine engine() {
        return engine;
    }
}
