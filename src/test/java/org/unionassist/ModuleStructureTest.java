package org.unionassist;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level packages (organisation, casework, hardship, medical, payment, audit, web, guide) are application
 * modules: no cycles between them, and none reaches into another's internal sub-packages.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(UnionAssistApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void everyTopLevelPackageIsAModule() {
        System.out.println(MODULES);
        assertThat(MODULES.stream().map(module -> module.getBasePackage().getName()))
                .contains("org.unionassist.casework", "org.unionassist.organisation", "org.unionassist.hardship",
                        "org.unionassist.medical", "org.unionassist.payment", "org.unionassist.audit");
    }
}
