package org.unionassist.medical;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.organisation.Programme;

/** The processes of 职工医疗互助, for the organisation's standing rights. */
@Configuration
class MedicalProgrammes {

    @Bean
    Programme medicalAidEnrolment() {
        return Programme.startedByGrassrootsClerks(EnrolmentRecords.PROCESS, "职工医疗互助参保登记");
    }

    @Bean
    Programme medicalAidClaim() {
        return Programme.startedByGrassrootsClerks(ClaimRecords.PROCESS, "职工医疗互助理赔");
    }
}
