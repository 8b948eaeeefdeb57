package org.unionassist.payment;

import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.register.CaseRegister;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Members;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an auditor reads of a payment batch: its figures, its lines with the bank's answers, and every download of its
 * bank file. Names and cards masked. (A programme's case lists its own disbursements among its 拨付记录.)
 */
@Component
class PaymentDossier implements CaseDossier {

    private final PaymentBatchRepository batches;
    private final PaymentBatches paymentBatches;
    private final BankFiles bankFiles;
    private final Members members;

    PaymentDossier(PaymentBatchRepository batches, PaymentBatches paymentBatches, BankFiles bankFiles,
                   Members members) {
        this.batches = batches;
        this.paymentBatches = paymentBatches;
        this.bankFiles = bankFiles;
        this.members = members;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        if (PaymentBatches.PROCESS.equals(processDefinitionKey)) {
            return batches.findByProcessInstanceId(processInstanceId).map(this::batch).orElse(List.of());
        }
        // a programme's own case shows its disbursements, with what the bank made of them, among its 拨付记录
        return List.of();
    }

    private List<Section> batch(PaymentBatch b) {
        Map<String, Object> figures = paymentBatches.figures(b);
        Section facts = Section.facts("付款批次",
                "批次号", b.number(),
                "状态", b.getStatus().label(),
                "款项来源", String.join("、", List.of(b.getPurposes().split(",")).stream()
                        .map(paymentBatches::programmeName).toList()),
                "审批日期截至", b.getApprovedUpTo() == null ? null : b.getApprovedUpTo().toString(),
                "编制人", members.displayName(b.getPreparedBy()) + "（" + b.getPreparedBy() + "）",
                "编制时间", shown(b.getPreparedAt()),
                "审批人", b.getApprovedBy() == null ? null
                        : members.displayName(b.getApprovedBy()) + "（" + b.getApprovedBy() + "）",
                "审批时间", shown(b.getApprovedAt()),
                "笔数", String.valueOf(figures.get("lineCount")),
                "合计金额（元）", (String) figures.get("batchTotal"),
                "合计金额大写", (String) figures.get("totalInWords"));
        List<List<String>> rows = new ArrayList<>();
        for (Object o : (List<?>) figures.get(PaymentBatches.LINES)) {
            Map<?, ?> r = (Map<?, ?>) o;
            rows.add(List.of(String.valueOf(r.get("line")), String.valueOf(r.get("caseNumber")),
                    String.valueOf(r.get("programme")), CaseRegister.maskName(String.valueOf(r.get("payee"))), String.valueOf(r.get("bankCard")),
                    String.valueOf(r.get("amount")), String.valueOf(r.get("result")), String.valueOf(r.get("reason"))));
        }
        Section lineSection = new Section("付款明细", List.of("行号", "案件编号", "项目", "收款人", "银行卡号", "金额（元）",
                "银行回单", "失败原因"), rows);
        List<List<String>> downloads = bankFiles.downloads(b).stream()
                .map(d -> List.of(String.valueOf(d.get("downloadedAt")), String.valueOf(d.get("downloadedBy")),
                        String.valueOf(d.get("lineCount")), String.valueOf(d.get("total")),
                        String.valueOf(d.get("fileSha256")))).toList();
        Section downloadSection = new Section("银行付款文件下载记录", List.of("下载时间", "下载人", "笔数", "合计金额（元）",
                "文件摘要（SHA-256）"), downloads);
        return List.of(facts, lineSection, downloadSection);
    }

    private static String shown(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN);
    }
}
