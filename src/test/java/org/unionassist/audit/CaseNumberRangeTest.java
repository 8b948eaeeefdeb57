package org.unionassist.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The range a typed case-number prefix becomes, so that the index on the number serves it in any collation. */
class CaseNumberRangeTest {

    @Test
    void theBoundIsTheNextNumberCharacterAtTheLastPlace() {
        assertThat(CaseSearch.numbersBelow("YL2026")).isEqualTo("YL2027");
        assertThat(CaseSearch.numbersBelow("KN")).isEqualTo("KO");
        assertThat(CaseSearch.numbersBelow("K")).isEqualTo("L");
    }

    @Test
    void aNineIsFollowedByTheFirstLetterAndAZCarriesToThePlaceBefore() {
        assertThat(CaseSearch.numbersBelow("YL2029")).isEqualTo("YL202A");
        assertThat(CaseSearch.numbersBelow("KZ")).isEqualTo("L");
        assertThat(CaseSearch.numbersBelow("KZZ")).isEqualTo("L");
        assertThat(CaseSearch.numbersBelow("ZZ")).as("nothing is above every Z…").isNull();
    }

    @Test
    void everyNumberWithThePrefixLiesInTheRangeAndNoOtherDoes() {
        String[] numbers = {"YL2026000001", "YL2026999999", "YL2029000001", "YL202A", "YL2030000001", "YL2025999999",
                "YM", "YL", "KN2026000001"};
        for (String prefix : new String[] {"YL2026", "YL2029", "YL20", "YL", "Y", "YL2026000001"}) {
            String below = CaseSearch.numbersBelow(prefix);
            for (String number : numbers) {
                boolean inRange = number.compareTo(prefix) >= 0 && number.compareTo(below) < 0;
                assertThat(inRange).as(prefix + " / " + number).isEqualTo(number.startsWith(prefix));
            }
        }
    }

    @Test
    void aPrefixWithOtherCharactersGetsNoRangeAndIsMatchedAsTyped() {
        assertThat(CaseSearch.numbersBelow("")).isNull();
        assertThat(CaseSearch.numbersBelow("KN-2026")).isNull();
        assertThat(CaseSearch.numbersBelow("kn2026")).as("the search makes it upper case first").isNull();
        assertThat(CaseSearch.numbersBelow("困难")).isNull();
        assertThat(CaseSearch.numbersBelow("KN%")).isNull();
    }
}
