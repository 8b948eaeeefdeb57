package org.unionassist.warmth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.casework.SensitiveVariables;

import java.util.Map;

import static org.unionassist.casework.SensitiveVariables.Masking.BANK_CARD;
import static org.unionassist.casework.SensitiveVariables.Masking.ID_NUMBER;

/** 两节送温暖's personal data: raw only in ua_warmth_recipient; the rows typed in a list form are masked in the engine. */
@Configuration(proxyBeanMethods = false)
class WarmthSensitiveVariables {

    @Bean
    SensitiveVariables warmthPersonalData() {
        return new SensitiveVariables()
                .list(WarmthLists.TYPED, Map.of("idNumber", ID_NUMBER, "bankCard", BANK_CARD));
    }
}
