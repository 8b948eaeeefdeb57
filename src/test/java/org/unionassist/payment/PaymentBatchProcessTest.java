package org.unionassist.payment;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.PaymentDriver;
import org.unionassist.support.ProcessTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.Spin.JSON;

/**
 * The city pays: its clerk batches a claim's and a grant's disbursements, its chair approves (never the clerk), the
 * bank's file goes out, the bank's answer comes back with one paid and one failed line, the failed one is re-issued
 * to a corrected card and paid in the next batch, and the reconciliation adds up.
 */
@ProcessTest
class PaymentBatchProcessTest {

    static final LocalDate PAY_DAY = LocalDate.of(2026, 7, 10);
    static final String NEW_CARD = "6217000011112222333";

    @Autowired PaymentDriver payments;
    @Autowired CaseDriver driver;
    @Autowired BankFiles bankFiles;
    @Autowired FailedPayments failedPayments;
    @Autowired Reconciliation reconciliation;
    @Autowired DisbursementRepository disbursements;
    @Autowired SignOffRepository signOffs;
    @Autowired HistoryService history;
    @Autowired Members members;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void paymentsWaiting() {
        CaseDriver.today(PAY_DAY);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void aClaimAndAGrantArePaidOneFailsIsReissuedToACorrectedCardAndThePaymentsReconcile() throws IOException {
        Disbursement claim = payments.approvedClaim("李建军");
        Disbursement grant = payments.approvedGrant();
        CaseDriver.today(PAY_DAY);

        ProcessInstance first = payments.start("city.clerk");
        String number = payments.batch(first).number();
        assertThat(driver.runtime().getVariable(first.getId(), "caseNumber")).isEqualTo(number);
        assertThat(number).startsWith("FK2026-");
        assertThat(payments.lines(first)).extracting(PaymentLine::getDisbursementId)
                .contains(claim.getId(), grant.getId());

        driver.complete(first, "reviewBatch", "city.clerk", "submit", "已逐笔核对");
        assertThat(bankFileRefusal(number, "city.clerk")).as("no bank file before the chair approved")
                .isEqualTo(PaymentError.BATCH_NOT_APPROVED);
        driver.complete(first, "approveBatch", "city.chair", "approve", "同意支付");
        assertThat(payments.batch(first).getApprovedBy()).isEqualTo("city.chair");

        // the bank file: full card numbers, for the payer only, and every download recorded
        byte[] file = bankFiles.bankFile(number, "city.clerk");
        List<List<String>> sheet = cells(file);
        PaymentLine claimLine = payments.lineOf(first, claim);
        assertThat(sheet).anySatisfy(row -> assertThat(row).startsWith(claimLine.getReference(), "李建军",
                claim.getBankCard(), "3,200.00"));
        BigDecimal total = PaymentBatches.total(payments.lines(first));
        assertThat(sheet).anySatisfy(row -> assertThat(row).containsExactly("金额大写",
                cn.hutool.core.convert.Convert.digitToChinese(total)));
        assertThat(bankFileRefusal(number, "city.chair")).isEqualTo(PaymentError.NOT_A_PAYER);
        assertThat(jdbc.queryForObject("select count(*) from ua_payment_bank_file_download where batch_id = ?"
                + " and downloaded_by = 'city.clerk'", Integer.class, payments.batch(first).getId())).isEqualTo(1);

        // the bank's answer: the claim's card was closed, every other line paid; importing it again changes nothing
        byte[] answer = payments.bankResult(first, Map.of(claim.getId(), "账户已销户"));
        BankFiles.ImportSummary imported = bankFiles.importResult(number, "回单.xlsx", answer, "city.clerk");
        assertThat(imported.newlyFailed()).isEqualTo(1);
        assertThat(imported.newlyPaid()).isEqualTo(payments.lines(first).size() - 1);
        assertThat(disbursements.findById(grant.getId())).get().extracting(Disbursement::getStatus).isEqualTo("PAID");
        assertThat(disbursements.findById(claim.getId())).get().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo("FAILED");
            assertThat(d.getFailureReason()).isEqualTo("账户已销户");
        });
        BankFiles.ImportSummary again = bankFiles.importResult(number, "回单.xlsx", answer, "city.clerk");
        assertThat(again.newlyPaid() + again.newlyFailed()).isZero();
        assertThat(again.unchanged()).isEqualTo(payments.lines(first).size());
        assertThatThrownBy(() -> bankFiles.importResult(number, "回单2.xlsx", payments.bankResult(first, Map.of()),
                "city.clerk")).isInstanceOfSatisfying(UnionAssistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(PaymentError.RESULT_CONFLICT);
                    assertThat(e.getMessage()).contains("第" + claimLine.getLineNo() + "行此前的银行回单为“支付失败”");
                });

        // the clerk corrects the card on the open task; the wrong card is refused first, naming the line
        assertThatThrownBy(() -> driver.complete(first, "bankResult", "city.clerk",
                correction(first, claimLine.getLineNo(), "6217 0000", "收款人提供了新卡")))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("第" + claimLine.getLineNo() + "行：银行卡号应为12至19位数字"));
        driver.complete(first, "bankResult", "city.clerk",
                correction(first, claimLine.getLineNo(), "6217 0000 1111 2222 333", "收款人提供了本人名下的新卡"));
        assertThat(driver.engineHistoryEnd(first)).isEqualTo("batchSettled");
        assertThat(disbursements.findById(claim.getId())).get().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo("PENDING");
            assertThat(d.getReissueCount()).isEqualTo(1);
            assertThat(d.getBankCard()).isEqualTo(NEW_CARD);
        });
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(claim.getProcessInstanceId()))
                .filteredOn(s -> s.getDecision() == PaymentDecisions.REISSUE).singleElement().satisfies(s -> {
                    assertThat(s.getActorId()).isEqualTo("city.clerk");
                    assertThat(s.getOpinion()).contains("账户已销户").contains("6217 **** **** **** 333")
                            .contains("收款人提供了本人名下的新卡").doesNotContain(NEW_CARD);
                    assertThat(s.getAmount()).isEqualByComparingTo(claim.getAmount());
                });
        assertThat(engineValues(first)).as("no full card in the engine's history").noneMatch(v -> v.contains(NEW_CARD));

        // the next batch pays the corrected card; the second re-issue is refused
        ProcessInstance second = payments.approved("city.clerk", "city.chair");
        assertThat(payments.lineOf(second, claim).getBankCard()).isEqualTo(NEW_CARD);
        bankFiles.bankFile(payments.batch(second).number(), "city.clerk");
        bankFiles.importResult(payments.batch(second).number(), "回单.csv", csv(second), "city.clerk");
        driver.complete(second, "bankResult", "city.clerk", "submit", null);
        assertThat(disbursements.findById(claim.getId())).get().extracting(Disbursement::getStatus).isEqualTo("PAID");
        assertThatThrownBy(() -> failedPayments.reissue(claim.getId(), "6222000011112222", "再次更正", clerk()))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(PaymentError.NOT_REISSUABLE));

        // approved = paid + pending + failed, to the fen, in every programme and month
        List<Reconciliation.Row> rows = reconciliation.report(Reconciliation.Period.of("2026-03", "2026-07"));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.approved().amount()).isEqualByComparingTo(
                    r.paid().amount().add(r.pending().amount()).add(r.failed().amount()));
            assertThat(r.balanced()).isTrue();
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.programme()).isEqualTo("职工医疗互助理赔");
            assertThat(r.month()).isEqualTo("2026-03");
            assertThat(r.paid().amount()).isGreaterThanOrEqualTo(claim.getAmount());
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.programme() + r.month()).isEqualTo("金秋助学2026-07"));
    }

    @Test
    void whoeverPreparedOrSubmittedABatchNeverApprovesIt() {
        payments.approvedClaim("赵一鸣");
        CaseDriver.today(PAY_DAY);
        String deputy = "city.deputy" + System.nanoTime() % 100000;
        driver.identity().saveUser(driver.identity().newUser(deputy));
        driver.identity().createMembership(deputy, Role.CLERK.groupOf("city"));
        driver.identity().createMembership(deputy, Role.CHAIR.groupOf("city"));
        try {
            ProcessInstance pi = payments.start(deputy);
            driver.complete(pi, "reviewBatch", deputy, "submit", null);
            assertThatThrownBy(() -> driver.complete(pi, "approveBatch", deputy, "approve", "同意"))
                    .isInstanceOfSatisfying(UnionAssistException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(PaymentError.SAME_PERSON);
                        assertThat(e.getMessage()).contains("双人复核");
                    });
            // returned to a second clerk, who submits it: now neither of them approves
            driver.complete(pi, "approveBatch", "city.chair", "return", "请再核对一遍");
            driver.complete(pi, "reviewBatch", "city.clerk", "submit", "已复核");
            assertThatThrownBy(() -> driver.complete(pi, "approveBatch", deputy, "approve", "同意"))
                    .isInstanceOfSatisfying(UnionAssistException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(PaymentError.SAME_PERSON));
            driver.complete(pi, "approveBatch", "city.chair", "approve", "同意");
            assertThat(payments.batch(pi).getStatus()).isEqualTo(PaymentBatch.Status.APPROVED);
            assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()))
                    .extracting(s -> s.getActorId() + ":" + s.getDecision().code())
                    .containsExactly(deputy + ":submit", "city.chair:return", "city.clerk:submit", "city.chair:approve");
            finish(pi);
        } finally {
            driver.identity().deleteUser(deputy);
        }
    }

    @Test
    void aWithdrawnOrRejectedBatchLetsItsPaymentsJoinTheNextAndLinesCanBeTakenOut() {
        Disbursement first = payments.approvedClaim("钱多多");
        Disbursement second = payments.approvedClaim("孙小美");
        CaseDriver.today(PAY_DAY);

        ProcessInstance withdrawn = payments.start("city.clerk");
        assertThatThrownBy(() -> payments.start("city.clerk")).as("everything is held by the open batch")
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(PaymentError.NOTHING_TO_PAY));
        assertThatThrownBy(() -> driver.complete(withdrawn, "reviewBatch", "city.clerk", "withdraw", null))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.OPINION_REQUIRED));
        driver.complete(withdrawn, "reviewBatch", "city.clerk", "withdraw", "本月资金尚未到位");
        assertThat(driver.engineHistoryEnd(withdrawn)).isEqualTo("batchWithdrawn");
        assertThat(payments.batch(withdrawn).getStatus()).isEqualTo(PaymentBatch.Status.WITHDRAWN);

        ProcessInstance rejected = payments.start("city.clerk");
        int secondLine = payments.lineOf(rejected, second).getLineNo();
        assertThatThrownBy(() -> driver.complete(rejected, "reviewBatch", "city.clerk",
                CaseDriver.decisionOf("submit", null).putValue("removeLines", "999")))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("本批次没有第999行"));
        driver.complete(rejected, "reviewBatch", "city.clerk",
                CaseDriver.decisionOf("submit", "孙小美的款项暂缓支付").putValue("removeLines", String.valueOf(secondLine)));
        assertThat(payments.lines(rejected)).extracting(PaymentLine::getDisbursementId)
                .contains(first.getId()).doesNotContain(second.getId());
        driver.complete(rejected, "approveBatch", "city.chair", "reject", "预算指标未下达，本批不予支付");
        assertThat(driver.engineHistoryEnd(rejected)).isEqualTo("batchRejected");
        assertThat(bankFileRefusal(payments.batch(rejected).number(), "city.clerk"))
                .isEqualTo(PaymentError.BATCH_NOT_APPROVED);

        ProcessInstance next = payments.start("city.clerk");
        assertThat(payments.lines(next)).extracting(PaymentLine::getDisbursementId)
                .contains(first.getId(), second.getId());
        assertThat(disbursements.findById(first.getId())).get().extracting(Disbursement::getStatus)
                .isEqualTo("PENDING");
        driver.complete(next, "reviewBatch", "city.clerk", "withdraw", "测试结束，撤销");
    }

    @Test
    void aBatchEndsOnlyWhenTheBankAnsweredEveryLineAndTheStartNamesWhatIsWrong() {
        assertThatThrownBy(() -> payments.start("city.clerk", PaymentDriver.startForm(null)))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("请至少选择一个款项来源"));
        assertThatThrownBy(() -> payments.start("city.clerk",
                PaymentDriver.startForm(LocalDate.of(2020, 1, 1), "warmthList")))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(PaymentError.NOTHING_TO_PAY));
        assertThatThrownBy(() -> payments.start("east.clerk"))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        Disbursement claim = payments.approvedClaim("周其乐");
        CaseDriver.today(PAY_DAY);
        ProcessInstance pi = payments.approved("city.clerk", "city.chair");
        String number = payments.batch(pi).number();
        assertThatThrownBy(() -> driver.complete(pi, "bankResult", "city.clerk", "submit", null))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(PaymentError.RESULTS_MISSING);
                    assertThat(e.getMessage()).contains("请先导入银行回单");
                });
        assertThatThrownBy(() -> bankFiles.importResult(number, "回单.xlsx",
                badAnswer(pi, claim), "city.clerk"))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(PaymentError.RESULT_MISMATCH);
                    assertThat(e.getMessage()).contains("不一致");
                });
        assertThat(payments.lines(pi)).noneMatch(PaymentLine::answered);
        finish(pi);
    }

    // ------------------------------------------------------------------ helpers

    private void finish(ProcessInstance pi) {
        String number = payments.batch(pi).number();
        bankFiles.importResult(number, "回单.xlsx", payments.bankResult(pi, Map.of()), "city.clerk");
        driver.complete(pi, "bankResult", "city.clerk", "submit", null);
        assertThat(driver.engineHistoryEnd(pi)).isEqualTo("batchSettled");
    }

    private org.unionassist.organisation.UnionMember clerk() {
        return members.inRole("city.clerk", Role.CLERK, "city").orElseThrow();
    }

    private PaymentError bankFileRefusal(String number, String user) {
        try {
            bankFiles.bankFile(number, user);
            return null;
        } catch (UnionAssistException e) {
            return (PaymentError) e.errorCode();
        }
    }

    /** The failed lines as the task shows them, with the corrected card typed against one line. */
    @SuppressWarnings("unchecked")
    private VariableMap correction(ProcessInstance pi, int line, String card, String note) {
        String shown = driver.runtime().getVariableTyped(pi.getId(), PaymentBatches.FAILED)
                .getValue().toString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) JSON(shown).mapTo(List.class)) {
            Map<String, Object> typed = new LinkedHashMap<>(row);
            if (((Number) row.get("line")).intValue() == line) {
                typed.put("correctedCard", card);
                typed.put("correctionNote", note);
            }
            rows.add(typed);
        }
        return CaseDriver.decisionOf("submit", "回单已登记").putValueTyped(PaymentBatches.FAILED,
                SpinValues.jsonValue(JSON(rows).toString()).create());
    }

    private byte[] badAnswer(ProcessInstance pi, Disbursement claim) {
        PaymentLine line = payments.lineOf(pi, claim);
        try {
            return org.unionassist.support.Spreadsheets.excel(new Object[][]{
                    {line.getReference(), line.getPayeeName(), line.getBankCard(), "1.00", "成功", ""}});
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] csv(ProcessInstance pi) {
        StringBuilder text = new StringBuilder("业务参考号,收款人姓名,收款账号,金额,处理结果,失败原因\n");
        for (PaymentLine l : payments.lines(pi)) {
            text.append(l.getReference()).append(',').append(l.getPayeeName()).append(',').append(l.getBankCard())
                    .append(',').append(l.getAmount().toPlainString()).append(",成功,\n");
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> engineValues(ProcessInstance pi) {
        List<String> values = new ArrayList<>();
        for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(pi.getId()).disableBinaryFetching()
                .list()) {
            if (d instanceof HistoricVariableUpdate u) {
                values.add(String.valueOf(u.getValue()));
            }
        }
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
                .forEach(v -> values.add(String.valueOf(v.getValue())));
        return values;
    }

    private static List<List<String>> cells(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(formatter.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }
}
