package org.unionassist.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Chinese label of every value a signer saw, taken from the Camunda Forms themselves: a snapshot stores the
 * figures under the names the forms show them by, so the auditor reads them under the same labels the signer did.
 */
@Component
public class FieldLabels {

    /**
     * The few figures a snapshot keeps that no form field shows under the same name (the claim's number and its
     * checklist are shown by forms under other keys).
     */
    private static final Map<String, String> NOT_IN_FORMS = Map.ofEntries(
            Map.entry("claimNumber", "理赔案件号"),
            Map.entry("documents", "已交材料"),
            Map.entry("householdFileNumber", "困难职工档案号"),
            Map.entry("status", "办理状态"),
            Map.entry("standardsSigned", "慰问标准"),
            Map.entry("allocationsSigned", "分配表"),
            Map.entry("resolutions", "核查结果处理"),
            Map.entry("phoneBackOutcomes", "回访结果"),
            Map.entry("settlementSigned", "结算报告"),
            Map.entry("disbursementId", "付款编号"),
            Map.entry("failureReason", "银行退回原因"),
            Map.entry("previousBankCard", "原银行卡号"),
            Map.entry("correctedBankCard", "更正后的银行卡号"),
            Map.entry("fileSha256", "文件摘要（SHA-256）"),
            Map.entry("linesRead", "回单行数"),
            Map.entry("batchNumber", "付款批次号"),
            Map.entry("line", "行号"),
            Map.entry("corrections", "银行卡更正"));

    private static final Pattern AMOUNT = Pattern.compile("元|金额|收入|支出|费");
    private static final Pattern AMOUNT_NOT = Pattern.compile("比例|比率|%|％");

    private final Map<String, String> labels = new HashMap<>(NOT_IN_FORMS);
    /** A select's or radio's options, by field: the stored value → the words the form showed. */
    private final Map<String, Map<String, String>> options = new HashMap<>();
    /** The number fields the forms show to the fen ({@code "decimalDigits": 2}): amounts. */
    private final java.util.Set<String> toTheFen = new java.util.HashSet<>();

    public FieldLabels(ObjectMapper json) {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms for their labels", e);
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            JsonNode key = node.get("key");
            // a date field labels itself with dateLabel (form-js datetime)
            JsonNode label = node.hasNonNull("label") ? node.get("label") : node.get("dateLabel");
            if (key != null && key.isTextual() && label != null && label.isTextual() && !label.asText().isBlank()) {
                labels.putIfAbsent(key.asText(), label.asText().strip());
            }
            JsonNode digits = node.get("decimalDigits");
            if (key != null && key.isTextual() && digits != null && digits.asInt() == 2) {
                toTheFen.add(key.asText());
            }
            JsonNode values = node.get("values");
            if (key != null && key.isTextual() && values != null && values.isArray()) {
                Map<String, String> shown = options.computeIfAbsent(key.asText(), k -> new HashMap<>());
                values.forEach(v -> {
                    if (v.hasNonNull("value") && v.hasNonNull("label")) {
                        shown.putIfAbsent(v.get("value").asText(), v.get("label").asText());
                    }
                });
            }
            node.elements().forEachRemaining(this::collect);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(this::collect);
        }
    }

    /**
     * A value as the auditor reads it: an option of the field's select or radio (e.g. 致困原因 {@code illness}) and a
     * list of field names (a checklist such as the documents handed in, kept as {@code docIdCard,docInvoices}) in the
     * forms' words; an amount with two decimals (3200.00); a person's name (a field {@code …Name} other than a
     * union's) masked as 王**, as everywhere in the workspace; anything else as it is.
     */
    public String value(String key, Object value) {
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Number number && isAmount(key, number)) {
            return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        String text = value.toString();
        if (key.endsWith("Name") && !key.endsWith("UnionName") && !text.isBlank()) {
            return cn.hutool.core.util.DesensitizedUtil.chineseName(text.strip());
        }
        String option = options.getOrDefault(key, Map.of()).get(text);
        if (option != null) {
            return option;
        }
        if (text.matches("[a-zA-Z]+(\\s*,\\s*[a-zA-Z]+)*")) {
            java.util.List<String> words = java.util.Arrays.stream(text.split("\\s*,\\s*")).map(labels::get).toList();
            if (words.stream().allMatch(java.util.Objects::nonNull)) {
                return String.join("、", words);
            }
        }
        return text;
    }

    /**
     * Whether a figure is money, shown in yuan to the fen like every amount in the workspace: one a form shows to the
     * fen, a number with a fraction (counts are whole), or one the forms label as yuan, an amount, income, expenditure
     * or a fee; never a ratio.
     */
    private boolean isAmount(String key, Number number) {
        String label = of(key);
        if (label != null && AMOUNT_NOT.matcher(label).find()) {
            return false;
        }
        if (toTheFen.contains(key)) {
            return true;
        }
        boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof java.math.BigInteger;
        return !whole || (label != null && AMOUNT.matcher(label).find());
    }

    /**
     * The label a form gives the field (or its shown form {@code <key>Label}, where the snapshot keeps the value a
     * form shows in words), or null when no form shows it.
     */
    public String of(String key) {
        String label = labels.get(key);
        return label != null ? label : labels.get(key + "Label");
    }
}
