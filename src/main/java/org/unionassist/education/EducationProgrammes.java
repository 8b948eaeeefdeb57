package org.unionassist.education;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.organisation.Programme;

/** The processes of 金秋助学, for the organisation's standing rights. */
@Configuration
class EducationProgrammes {

    @Bean
    Programme educationGrant() {
        return Programme.startedByGrassrootsClerks(GrantRecords.PROCESS, "金秋助学");
    }

    @Bean
    Programme educationGrantSitting() {
        return Programme.startedByDistrictClerks(DistrictSittings.PROCESS, "金秋助学区级集体研究");
    }

    @Bean
    Programme educationGrantQuota() {
        return Programme.startedByCityClerks(QuotaPlans.PROCESS, "金秋助学年度名额下达");
    }
}
