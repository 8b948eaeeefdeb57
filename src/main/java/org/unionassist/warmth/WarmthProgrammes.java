package org.unionassist.warmth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionassist.organisation.Programme;

/** The processes of 两节送温暖, for the organisation's standing rights. */
@Configuration
class WarmthProgrammes {

    @Bean
    Programme warmthCampaign() {
        return Programme.startedByCityClerks(WarmthCampaigns.PROCESS, "两节送温暖");
    }

    /** Each grassroots union's list is started by its campaign, never from Tasklist. */
    @Bean
    Programme warmthList() {
        return Programme.startedByTheApplication(WarmthLists.PROCESS, "两节送温暖基层名单");
    }
}
