package org.unionassist.hardship;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.organisation.Programme;

/** The processes of 困难职工认定, for the organisation's standing rights. */
@Configuration
class HardshipProgrammes {

    @Bean
    Programme hardshipVerification() {
        return Programme.startedByGrassrootsClerks(HardshipCaseRecords.PROCESS, "困难职工认定");
    }

    @Bean
    Programme hardshipFileRecheck() {
        return Programme.startedByTheApplication(HouseholdFiling.RECHECK_PROCESS, "困难职工档案年度复核");
    }
}
