package org.unionassist.casework;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MoneyAndPersonalDataTest {

    private static final String CJK = ".*[\\u4e00-\\u9fff].*";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CODES = "10X98765432";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** An 18-digit resident ID with a correct GB 11643 check digit. */
    static String idNumber(String region, LocalDate birth, String sequence) {
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        assertThat(first17).hasSize(17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_CODES.charAt(sum % 11);
    }

    /** The first valid ID for the birth date whose check digit is X. */
    static String idNumberEndingInX(LocalDate birth) {
        for (int seq = 0; seq < 1000; seq++) {
            String id = idNumber("110105", birth, String.format("%03d", seq));
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new AssertionError("no sequence gives check digit X");
    }

    private static UnionAssistException refusal(Runnable call) {
        UnionAssistException e = catchThrowableOfType(UnionAssistException.class, call::run);
        assertThat(e).as("expected a UnionAssistException").isNotNull();
        return e;
    }

    // ---- Money.fromVariable

    @Test
    void anIntegerAmountGetsTwoDecimals() {
        assertThat(Money.fromVariable(1234, "年收入")).isEqualTo(new BigDecimal("1234.00"));
    }

    @Test
    void aLongAmountGetsTwoDecimals() {
        assertThat(Money.fromVariable(5_000_000_000L, "年收入")).isEqualTo(new BigDecimal("5000000000.00"));
    }

    @Test
    void aDoubleAmountIsReadFromItsDecimalString() {
        assertThat(Money.fromVariable(1234.5d, "年收入")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Money.fromVariable(0.1d, "年收入")).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void aStringAmountIsAcceptedTrimmed() {
        assertThat(Money.fromVariable(" 12.3 ", "年收入")).isEqualTo(new BigDecimal("12.30"));
    }

    @Test
    void trailingZerosBeyondTheFenAreAccepted() {
        assertThat(Money.fromVariable("12.300", "年收入")).isEqualTo(new BigDecimal("12.30"));
    }

    @Test
    void aBigDecimalAmountIsScaledToTwoDecimals() {
        assertThat(Money.fromVariable(new BigDecimal("7"), "年收入")).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedInChinese() {
        UnionAssistException e = refusal(() -> Money.fromVariable("12.345", "年收入"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getCode()).isEqualTo(20001);
        assertThat(e.getMessage()).matches(CJK).contains("年收入").contains("两位小数");
    }

    @Test
    void aNegativeAmountIsRefused() {
        UnionAssistException e = refusal(() -> Money.fromVariable(-1, "刚性支出"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).contains("刚性支出").contains("负数");
    }

    @Test
    void aNegativeStringAmountIsRefused() {
        assertThat(refusal(() -> Money.fromVariable("-0.01", "刚性支出")).errorCode())
                .isEqualTo(CaseworkError.INVALID_INPUT);
    }

    @Test
    void aMissingAmountIsRefused() {
        UnionAssistException e = refusal(() -> Money.fromVariable(null, "年收入"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("年收入不能为空");
    }

    @Test
    void aBlankAmountIsRefused() {
        assertThat(refusal(() -> Money.fromVariable("  ", "年收入")).getMessage()).isEqualTo("年收入不能为空");
    }

    @Test
    void aNonNumericAmountIsRefused() {
        UnionAssistException e = refusal(() -> Money.fromVariable("一千元", "年收入"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).contains("年收入").contains("金额数字");
    }

    // ---- Money.countFromVariable

    @Test
    void aCountIsReadFromIntegerLongDoubleOrString() {
        assertThat(Money.countFromVariable(3, "家庭人口", 1)).isEqualTo(3);
        assertThat(Money.countFromVariable(4L, "家庭人口", 1)).isEqualTo(4);
        assertThat(Money.countFromVariable(2.0d, "家庭人口", 1)).isEqualTo(2);
        assertThat(Money.countFromVariable(" 12 ", "本地就业月数", 0)).isEqualTo(12);
    }

    @Test
    void theMinimumItselfIsAccepted() {
        assertThat(Money.countFromVariable(0, "本地就业月数", 0)).isZero();
    }

    @Test
    void aFractionalCountIsRefused() {
        UnionAssistException e = refusal(() -> Money.countFromVariable("2.5", "家庭人口", 1));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("家庭人口必须是整数");
    }

    @Test
    void aCountBelowTheMinimumIsRefused() {
        UnionAssistException e = refusal(() -> Money.countFromVariable(0, "家庭人口", 1));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("家庭人口不能小于1");
    }

    @Test
    void aMissingOrNonNumericCountIsRefused() {
        assertThat(refusal(() -> Money.countFromVariable(null, "家庭人口", 1)).getMessage()).isEqualTo("家庭人口不能为空");
        assertThat(refusal(() -> Money.countFromVariable("三", "家庭人口", 1)).getMessage()).isEqualTo("家庭人口必须是整数");
    }

    // ---- PersonalData.requireValidIdNumber

    @Test
    void theTestHelperReproducesAPublishedCheckDigit() {
        // GB 11643-1999 worked example: 11010519491231002X
        assertThat(idNumber("110105", LocalDate.of(1949, 12, 31), "002")).isEqualTo("11010519491231002X");
    }

    @Test
    void aValidIdNumberIsReturnedUnchanged() {
        String id = idNumber("110105", LocalDate.of(1985, 3, 12), "123");
        assertThat(PersonalData.requireValidIdNumber(id, "申请人", TODAY)).isEqualTo(id);
    }

    @Test
    void surroundingSpacesAreTrimmed() {
        String id = idNumber("110105", LocalDate.of(1985, 3, 12), "123");
        assertThat(PersonalData.requireValidIdNumber("  " + id + " ", "申请人", TODAY)).isEqualTo(id);
    }

    @Test
    void aLowerCaseXCheckDigitIsAcceptedAndUpperCased() {
        String id = idNumberEndingInX(LocalDate.of(1990, 7, 1));
        String lower = id.substring(0, 17) + "x";
        assertThat(PersonalData.requireValidIdNumber(lower, "申请人", TODAY)).isEqualTo(id);
    }

    @Test
    void aWrongCheckDigitIsRefusedWithoutEchoingTheIdNumber() {
        String valid = idNumber("110105", LocalDate.of(1985, 3, 12), "123");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String invalid = valid.substring(0, 17) + wrong;

        UnionAssistException e = refusal(() -> PersonalData.requireValidIdNumber(invalid, "申请人", TODAY));

        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_ID_NUMBER);
        assertThat(e.getCode()).isEqualTo(20002);
        assertThat(e.getMessage())
                .matches(CJK)
                .startsWith("申请人")
                .doesNotContain(invalid)
                .doesNotContain("19850312")
                .contains(PersonalData.maskIdNumber(invalid));
    }

    @Test
    void aWrongLengthIsRefused() {
        String valid = idNumber("110105", LocalDate.of(1985, 3, 12), "123");
        UnionAssistException e = refusal(() -> PersonalData.requireValidIdNumber(valid.substring(0, 17), "申请人", TODAY));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_ID_NUMBER);
        assertThat(e.getMessage()).doesNotContain(valid.substring(0, 17));
    }

    @Test
    void anImpossibleBirthDateIsRefusedEvenWithAMatchingCheckDigit() {
        String first17 = "110105" + "19850230" + "123";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        String feb30 = first17 + CHECK_CODES.charAt(sum % 11);
        assertThat(refusal(() -> PersonalData.requireValidIdNumber(feb30, "申请人", TODAY)).errorCode())
                .isEqualTo(CaseworkError.INVALID_ID_NUMBER);
    }

    @Test
    void aBirthDateAfterTheGivenTodayIsRefused() {
        String id = idNumber("110105", LocalDate.of(2020, 6, 1), "123");

        UnionAssistException e = refusal(() ->
                PersonalData.requireValidIdNumber(id, "配偶", LocalDate.of(2020, 1, 1)));

        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_ID_NUMBER);
        assertThat(e.getMessage()).startsWith("配偶").contains("出生日期").doesNotContain(id);
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        LocalDate today = LocalDate.now();
        String tomorrow = idNumber("110105", today.plusDays(1), "123");
        String farFuture = idNumber("110105", LocalDate.of(2099, 1, 1), "123");

        assertThat(refusal(() -> PersonalData.requireValidIdNumber(tomorrow, "申请人", today)).errorCode())
                .isEqualTo(CaseworkError.INVALID_ID_NUMBER);
        assertThat(refusal(() -> PersonalData.requireValidIdNumber(farFuture, "申请人", today)).errorCode())
                .isEqualTo(CaseworkError.INVALID_ID_NUMBER);
    }

    @Test
    void aBirthDateOfTodayIsAccepted() {
        String id = idNumber("110105", LocalDate.of(2020, 6, 1), "123");
        assertThat(PersonalData.requireValidIdNumber(id, "子女", LocalDate.of(2020, 6, 1))).isEqualTo(id);
    }

    @Test
    void aMissingIdNumberIsRefused() {
        UnionAssistException e = refusal(() -> PersonalData.requireValidIdNumber(null, "申请人", TODAY));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_ID_NUMBER);
        assertThat(e.getMessage()).isEqualTo("申请人身份证号不能为空");
        assertThat(refusal(() -> PersonalData.requireValidIdNumber("   ", "申请人", TODAY)).getMessage())
                .isEqualTo("申请人身份证号不能为空");
    }

    // ---- masking

    @Test
    void maskIdNumberKeepsOnlyTheFirstFourAndLastFour() {
        String id = idNumber("110105", LocalDate.of(1985, 3, 12), "123");
        String masked = PersonalData.maskIdNumber(id);

        assertThat(masked).hasSize(18)
                .startsWith(id.substring(0, 4))
                .endsWith(id.substring(14))
                .doesNotContain("19850312");
        assertThat(masked.substring(4, 14)).isEqualTo("**********");
    }

    @Test
    void maskIdNumberHidesShortOrMissingValuesCompletely() {
        assertThat(PersonalData.maskIdNumber(null)).isEqualTo("****");
        assertThat(PersonalData.maskIdNumber("1101051")).isEqualTo("****");
    }

    // ---- bank cards

    @Test
    void aBankCardTypedWithSpacesIsReturnedAsDigitsOnly() {
        assertThat(PersonalData.requireValidBankCard("6222 0212 3456 7890 123")).isEqualTo("6222021234567890123");
        assertThat(PersonalData.requireValidBankCard("622202123456")).isEqualTo("622202123456");
    }

    @Test
    void aBankCardWithLettersIsRefused() {
        UnionAssistException e = refusal(() -> PersonalData.requireValidBankCard("6222 0212 3456 78AB"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_BANK_CARD);
        assertThat(e.getCode()).isEqualTo(20003);
        assertThat(e.getMessage()).matches(CJK);
    }

    @Test
    void aBankCardTooShortOrTooLongIsRefused() {
        assertThat(refusal(() -> PersonalData.requireValidBankCard("62220212345")).errorCode())
                .isEqualTo(CaseworkError.INVALID_BANK_CARD);
        assertThat(refusal(() -> PersonalData.requireValidBankCard("62220212345678901234")).errorCode())
                .isEqualTo(CaseworkError.INVALID_BANK_CARD);
        assertThat(refusal(() -> PersonalData.requireValidBankCard(null)).errorCode())
                .isEqualTo(CaseworkError.INVALID_BANK_CARD);
    }

    @Test
    void maskBankCardHidesTheMiddleOfASixteenDigitCard() {
        String masked = PersonalData.maskBankCard("6222021234567890");
        assertThat(masked).startsWith("6222").endsWith("7890")
                .doesNotContain("02123456")
                .doesNotContain("6222021234567890")
                .contains("*");
    }

    @Test
    void maskBankCardHidesTheMiddleOfANineteenDigitCard() {
        String card = "6222021234567890123";
        String masked = PersonalData.maskBankCard(card);
        assertThat(masked).startsWith("6222").doesNotContain(card).doesNotContain("0212345678").contains("*");
        assertThat(masked.replaceAll("[^0-9]", "")).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void maskBankCardHidesShortOrMissingValuesCompletely() {
        assertThat(PersonalData.maskBankCard(null)).isEqualTo("****");
        assertThat(PersonalData.maskBankCard("1234567")).isEqualTo("****");
    }
}
