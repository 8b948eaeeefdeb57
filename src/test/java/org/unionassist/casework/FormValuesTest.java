package org.unionassist.casework;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.spin.Spin.JSON;

class FormValuesTest {

    private static final String NAME_RULE =
            "应为2至30个汉字或字母（可含间隔号“·”或空格），不能含数字、括号或其他符号";

    // ---- requiredDate

    @Test
    void aDateIsReadFromTheFormsIsoText() {
        assertThat(FormValues.requiredDate("2026-12-01", "入户调查日期")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(FormValues.requiredDate(" 2026-12-01 ", "入户调查日期")).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDateMayComeAsADateOrAnIsoDateTimeFromApiClients() {
        Date evening = Date.from(LocalDate.of(2026, 12, 1).atTime(23, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(FormValues.requiredDate(evening, "入户调查日期")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(FormValues.requiredDate("2026-12-01T10:00:00", "入户调查日期")).isEqualTo(LocalDate.of(2026, 12, 1));
        // 16:30 UTC is already the next day in Shanghai
        assertThat(FormValues.requiredDate("2026-12-01T16:30:00Z", "入户调查日期")).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2026-02-30", "2026-13-01", "2026-12-01abc", "2026-12-01T99:00",
            "1' OR '1'='1", "2026-12-01; DROP TABLE case_record", "20261201", "0001-01-01", "9999-12-31",
            "+12026-01-01"})
    void anythingButAValidDateIsRefusedNamingTheField(String hostile) {
        UnionAssistException e = refusal(() -> FormValues.requiredDate(hostile, "入户调查日期"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("入户调查日期必须是有效日期（yyyy-MM-dd）");
    }

    @Test
    void aNumberOrAListIsNotADate() {
        assertThat(refusal(() -> FormValues.requiredDate(20261201, "出院日期")).getMessage())
                .isEqualTo("出院日期必须是有效日期（yyyy-MM-dd）");
        assertThat(refusal(() -> FormValues.requiredDate(JSON("[1,2]"), "出院日期")).getMessage())
                .isEqualTo("出院日期必须是有效日期（yyyy-MM-dd）");
    }

    @Test
    void aMissingDateIsAskedFor() {
        assertThat(refusal(() -> FormValues.requiredDate(null, "入户调查日期")).getMessage()).isEqualTo("请填写入户调查日期");
        assertThat(refusal(() -> FormValues.requiredDate("  ", "入户调查日期")).getMessage()).isEqualTo("请填写入户调查日期");
    }

    // ---- requiredText

    @Test
    void requiredTextIsTrimmed() {
        assertThat(FormValues.requiredText("  家庭三口人，情况属实 ", "入户调查情况", 2000)).isEqualTo("家庭三口人，情况属实");
    }

    @Test
    void blankTextIsAskedFor() {
        for (Object blank : new Object[] {null, "", "   ", "\n\t"}) {
            UnionAssistException e = refusal(() -> FormValues.requiredText(blank, "入户调查情况", 2000));
            assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
            assertThat(e.getMessage()).isEqualTo("请填写入户调查情况");
        }
    }

    @Test
    void tooLongOrNonTextValuesAreRefused() {
        assertThat(refusal(() -> FormValues.requiredText("字".repeat(2001), "入户调查情况", 2000)).getMessage())
                .isEqualTo("入户调查情况不能超过2000字");
        assertThat(refusal(() -> FormValues.requiredText(42, "入户调查情况", 2000)).getMessage())
                .isEqualTo("入户调查情况应为文字");
        assertThat(refusal(() -> FormValues.requiredText(JSON("[1,2]"), "入户调查情况", 2000)).getMessage())
                .isEqualTo("入户调查情况应为文字");
    }

    // ---- requiredMoney

    @Test
    void requiredMoneyReadsWhatTasklistSends() {
        assertThat(FormValues.requiredMoney(6000, "刚性支出")).isEqualByComparingTo("6000.00");
        assertThat(FormValues.requiredMoney(1200.5, "刚性支出")).isEqualTo(new BigDecimal("1200.50"));
        assertThat(FormValues.requiredMoney("0", "刚性支出")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aMissingAmountIsAskedForNotReadAsZero() {
        assertThat(refusal(() -> FormValues.requiredMoney(null, "刚性支出")).getMessage()).isEqualTo("请填写刚性支出");
        assertThat(refusal(() -> FormValues.requiredMoney(" ", "当年因病因意外支出")).getMessage())
                .isEqualTo("请填写当年因病因意外支出");
    }

    @Test
    void amountsThatAreNotMoneyAreRefusedNamingTheField() {
        assertThat(refusal(() -> FormValues.requiredMoney("abc", "刚性支出")).getMessage()).isEqualTo("刚性支出必须是金额数字");
        assertThat(refusal(() -> FormValues.requiredMoney(true, "刚性支出")).getMessage()).isEqualTo("刚性支出必须是金额数字");
        assertThat(refusal(() -> FormValues.requiredMoney(Double.NaN, "刚性支出")).getMessage()).isEqualTo("刚性支出必须是金额数字");
        assertThat(refusal(() -> FormValues.requiredMoney(JSON("[1,2]"), "刚性支出")).getMessage())
                .isEqualTo("刚性支出必须是金额数字");
        assertThat(refusal(() -> FormValues.requiredMoney(1.0E308, "医疗总费用")).getMessage())
                .isEqualTo("医疗总费用数额过大，请核对");
        assertThat(refusal(() -> FormValues.requiredMoney("1000000000000", "医疗总费用")).getMessage())
                .isEqualTo("医疗总费用数额过大，请核对");
        assertThat(FormValues.requiredMoney("999999999999.99", "医疗总费用")).isEqualTo(new BigDecimal("999999999999.99"));
    }

    // ---- personName

    @Test
    void namesOfEveryKindThePeopleHaveAreAccepted() {
        for (String name : List.of("王建国", "李秀英", "赵敏", "阿卜杜拉·买买提", "阿卜杜拉 · 买买提", "John Smith",
                "欧阳娜娜", "Zoë O", "爱新觉罗・溥仪")) {
            assertThat(FormValues.personName(name, "申请人姓名")).as(name).isEqualTo(name);
        }
        assertThat(FormValues.personName("  王建国 ", "申请人姓名")).isEqualTo("王建国");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "1.0E308", "12345", "王3", "王建国(临时)", "王建国【】", "{\"a\":1}", "NaN",
            "Infinity", "王", "'; DROP TABLE household;--", "<script>", "王··建国", "·王建国", "王建国·",
            "张三@公司", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"})
    void anythingThatIsNotAPersonsNameIsRefused(String hostile) {
        UnionAssistException e = refusal(() -> FormValues.personName(hostile, "申请人姓名"));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("申请人姓名" + NAME_RULE);
    }

    @Test
    void aNameSentAsANumberOrListIsRefused() {
        assertThat(refusal(() -> FormValues.personName(1.0E308, "第1位家庭成员的姓名")).getMessage())
                .isEqualTo("第1位家庭成员的姓名" + NAME_RULE);
        assertThat(refusal(() -> FormValues.personName(JSON("[1,2]"), "申请人姓名")).getMessage())
                .isEqualTo("申请人姓名" + NAME_RULE);
    }

    @Test
    void aMissingNameIsAskedFor() {
        assertThat(refusal(() -> FormValues.personName(null, "申请人姓名")).getMessage()).isEqualTo("请填写申请人姓名");
        assertThat(refusal(() -> FormValues.personName("   ", "申请人姓名")).getMessage()).isEqualTo("请填写申请人姓名");
    }

    private static UnionAssistException refusal(Runnable action) {
        UnionAssistException e = catchThrowableOfType(UnionAssistException.class, action::run);
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }
}
