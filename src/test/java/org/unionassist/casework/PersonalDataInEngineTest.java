package org.unionassist.casework;

import org.junit.jupiter.api.Test;
import org.unionassist.casework.SensitiveVariables.Masking;
import org.unionassist.support.IdNumbers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The masking rules the engine's copies and history follow, and how a resubmitted masked value finds its original. */
class PersonalDataInEngineTest {

    private final PersonalDataInEngine personalData = new PersonalDataInEngine(List.of(new SensitiveVariables()
            .value("applicantIdNumber", Masking.ID_NUMBER).value("bankCard", Masking.BANK_CARD)
            .value("diagnosis", Masking.WITHHELD).value("rosterText", Masking.TEXT)
            .list("householdMembers", Map.of("memberIdNumber", Masking.ID_NUMBER))));

    @Test
    void masksIdsAndCardsAsTheFormsShowThemAndWithholdsDiagnoses() {
        String id = IdNumbers.next();
        assertThat(personalData.maskText("applicantIdNumber", id)).isEqualTo(PersonalData.maskIdNumber(id));
        assertThat(personalData.maskText("bankCard", "6222 0202 0011 2233 445")).isEqualTo("6222 **** **** **** 445");
        assertThat(personalData.maskText("diagnosis", "急性阑尾炎")).isEqualTo(PersonalDataInEngine.WITHHELD);
        assertThat(personalData.maskText("applicantName", "王建国")).as("undeclared").isEqualTo("王建国");
        assertThat(personalData.maskText("applicantIdNumber", "")).isEmpty();
    }

    @Test
    void masksEveryIdInPastedTextEvenBesideAsterisks() {
        String first = IdNumbers.next();
        String second = IdNumbers.next();
        String masked = personalData.maskText("rosterText", "*名单\n张三," + first + "\n李四\t" + second);
        assertThat(masked).doesNotContain(first, second).contains(PersonalData.maskIdNumber(first), "*名单");
    }

    @Test
    void masksTheRowsOfAJsonListAndAnyIdElsewhereInIt() {
        String id = IdNumbers.next();
        String other = IdNumbers.next();
        byte[] json = ("[{\"memberName\":\"李秀英\",\"memberIdNumber\":\"" + id + "\",\"note\":\"原号 " + other + "\"}]")
                .getBytes(StandardCharsets.UTF_8);
        String masked = new String(personalData.maskedBytes("householdMembers", json), StandardCharsets.UTF_8);
        assertThat(masked).contains("李秀英", PersonalData.maskIdNumber(id)).doesNotContain(id, other);
        assertThat(personalData.maskedBytes("householdMembers", "not json".getBytes(StandardCharsets.UTF_8)))
                .as("unreadable values are dropped").isNull();
    }

    @Test
    void aMaskedValueStandsForTheStoredOneUnlessTwoStoredValuesLookAlike() {
        String id = IdNumbers.withCheckDigit("11010519800101001");
        String twin = "110105" + "19900202" + id.substring(14); // same first and last four digits
        var originals = new PersonalDataInEngine.Originals().idNumber(id).bankCard("6222020200112233445");
        assertThat(originals.restore(Masking.ID_NUMBER, PersonalData.maskIdNumber(id))).isEqualTo(id);
        assertThat(originals.restore(Masking.BANK_CARD, "6222 **** **** **** 445")).isEqualTo("6222020200112233445");
        assertThat(originals.restore(Masking.TEXT, "张三," + PersonalData.maskIdNumber(id))).isEqualTo("张三," + id);
        assertThat(originals.restore(Masking.ID_NUMBER, "1101**********9999")).as("unknown: left to be refused")
                .isEqualTo("1101**********9999");

        originals.idNumber(twin);
        assertThat(originals.restore(Masking.ID_NUMBER, PersonalData.maskIdNumber(id))).as("ambiguous: typed again")
                .isEqualTo(PersonalData.maskIdNumber(id));
    }
}
