package org.unionassist.casework;

import cn.hutool.core.util.DesensitizedUtil;
import cn.hutool.core.util.IdcardUtil;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sensitive personal information: validation of Chinese resident ID numbers and bank cards, and masking for display. */
public final class PersonalData {

    private static final Pattern BANK_CARD = Pattern.compile("\\d{12,19}");

    private PersonalData() {
    }

    /** Checks an 18-digit resident ID (checksum, region and birth date via Hutool); returns it upper-cased. */
    public static String requireValidIdNumber(String raw, String whose, LocalDate today) {
        String id = raw == null ? "" : raw.trim().toUpperCase();
        idNumberProblem(id, today).ifPresent(problem -> {
            throw new UnionAssistException(CaseworkError.INVALID_ID_NUMBER, whose + "身份证号" + problem);
        });
        return id;
    }

    /**
     * What is wrong with a trimmed, upper-cased ID number, in the words that follow "身份证号" in a refusal (with the
     * number masked), or empty when it is valid.
     */
    public static Optional<String> idNumberProblem(String id, LocalDate today) {
        if (id.isEmpty()) {
            return Optional.of("不能为空");
        }
        if (id.length() != 18 || !IdcardUtil.isValidCard18(id)) {
            return Optional.of(maskIdNumber(id) + "无效：请核对18位号码、出生日期和末位校验码");
        }
        LocalDate birth = IdcardUtil.getBirthDate(id).toLocalDateTime().toLocalDate();
        if (birth.isAfter(today)) {
            return Optional.of(maskIdNumber(id) + "中的出生日期晚于今天");
        }
        return Optional.empty();
    }

    /** Bank cards issued in China carry 12 to 19 digits; spaces typed for readability are dropped. */
    public static String requireValidBankCard(String raw) {
        String card = raw == null ? "" : raw.replaceAll("\\s", "");
        if (!BANK_CARD.matcher(card).matches()) {
            throw new UnionAssistException(CaseworkError.INVALID_BANK_CARD, "银行卡号应为12至19位数字");
        }
        return card;
    }

    public static String maskIdNumber(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return DesensitizedUtil.idCardNum(id, 4, 4);
    }

    public static String maskBankCard(String card) {
        if (card == null || card.length() < 8) {
            return "****";
        }
        return DesensitizedUtil.bankCard(card);
    }
}
