package org.unionassist.hardship;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.casework.SensitiveVariables;

import java.util.Map;

import static org.unionassist.casework.SensitiveVariables.Masking.BANK_CARD;
import static org.unionassist.casework.SensitiveVariables.Masking.ID_NUMBER;

/** The hardship forms' personal data: raw only in the household and case tables, masked in the engine. */
@Configuration(proxyBeanMethods = false)
class HardshipSensitiveVariables {

    @Bean
    SensitiveVariables hardshipPersonalData() {
        return new SensitiveVariables()
                .value("applicantIdNumber", ID_NUMBER)
                .value("bankCard", BANK_CARD)
                .list("householdMembers", Map.of("memberIdNumber", ID_NUMBER));
    }
}
