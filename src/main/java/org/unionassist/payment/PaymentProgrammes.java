package org.unionassist.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.casework.SensitiveVariables;
import org.unionassist.organisation.Programme;

import java.util.Map;

import static org.unionassist.casework.SensitiveVariables.Masking.BANK_CARD;

/** The payment batch as a process of the city's own, and the corrected cards its form carries (masked in the engine). */
@Configuration(proxyBeanMethods = false)
class PaymentProgrammes {

    @Bean
    Programme paymentBatch() {
        return Programme.startedByCityClerks(PaymentBatches.PROCESS, PaymentBatches.NAME);
    }

    @Bean
    SensitiveVariables paymentPersonalData() {
        return new SensitiveVariables()
                .list(PaymentBatches.FAILED, Map.of("correctedCard", BANK_CARD, "bankCard", BANK_CARD));
    }
}
