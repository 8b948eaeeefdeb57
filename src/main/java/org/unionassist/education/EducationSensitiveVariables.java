package org.unionassist.education;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.casework.SensitiveVariables;

import static org.unionassist.casework.SensitiveVariables.Masking.BANK_CARD;
import static org.unionassist.casework.SensitiveVariables.Masking.ID_NUMBER;
import static org.unionassist.casework.SensitiveVariables.Masking.TEXT;

/** 金秋助学's personal data: raw only in the grant's row, masked in the engine. */
@Configuration(proxyBeanMethods = false)
class EducationSensitiveVariables {

    @Bean
    SensitiveVariables educationGrantPersonalData() {
        return new SensitiveVariables()
                .value("studentIdNumber", ID_NUMBER)
                .value("workerIdNumber", ID_NUMBER)
                .value("bankCard", BANK_CARD)
                .value("temporaryHardshipCause", TEXT)
                .value("otherFundingBody", TEXT);
    }
}
