package org.unionassist.medical;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.casework.SensitiveVariables;

import java.util.Map;

import static org.unionassist.casework.SensitiveVariables.Masking.BANK_CARD;
import static org.unionassist.casework.SensitiveVariables.Masking.ID_NUMBER;
import static org.unionassist.casework.SensitiveVariables.Masking.TEXT;
import static org.unionassist.casework.SensitiveVariables.Masking.WITHHELD;

/** Medical mutual aid's personal data: raw only in the claim and membership tables, masked in the engine. */
@Configuration(proxyBeanMethods = false)
class MedicalSensitiveVariables {

    @Bean
    SensitiveVariables medicalAidPersonalData() {
        return new SensitiveVariables()
                .value("memberIdNumber", ID_NUMBER)
                .value("bankCard", BANK_CARD)
                .value("diagnosis", WITHHELD)
                .list("workers", Map.of("workerIdNumber", ID_NUMBER))
                .value("rosterText", TEXT)
                .list("rosterUpload", Map.of("idNumber", ID_NUMBER));
    }
}
