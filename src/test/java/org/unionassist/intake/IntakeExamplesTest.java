package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionassist.casework.PersonalData;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The example bodies of the API documentation carry ID numbers the intake accepts, so a copied example is filed. */
class IntakeExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {IntakeController.HARDSHIP_EXAMPLE, IntakeController.MEDICAL_EXAMPLE,
            IntakeController.EDUCATION_EXAMPLE})
    void everyIdNumberInAnExampleIsValid(String example) throws Exception {
        JsonNode body = new ObjectMapper().readTree(example);
        body.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("IdNumber")) {
                assertThat(PersonalData.idNumberProblem(field.getValue().asText(), LocalDate.of(2026, 12, 8)))
                        .as(field.getKey()).isEmpty();
            }
        });
    }
}
