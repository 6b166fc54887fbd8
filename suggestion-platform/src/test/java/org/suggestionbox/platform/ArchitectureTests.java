package org.suggestionbox.platform;

import static org.suggestionbox.testing.architecture.ArchitectureRules.doNotUse;
import static org.suggestionbox.testing.architecture.ArchitectureRules.freeOfFrameworks;
import static org.suggestionbox.testing.architecture.ArchitectureRules.mainClasses;
import static org.suggestionbox.testing.architecture.ArchitectureRules.noPackageCycles;
import static org.suggestionbox.testing.architecture.ArchitectureRules.pageControllersUseTheLayout;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final String ROOT = "org.suggestionbox.platform";

    private static final JavaClasses PLATFORM = mainClasses(ROOT);

    @Test
    void piecesDependOnEachOtherOneWayOnly() {
        noPackageCycles(ROOT).check(PLATFORM);
    }

    @Test
    void chatMarkupIsPlainJava() {
        freeOfFrameworks("..platform.markup..").check(PLATFORM);
    }

    @Test
    void thePlatformKnowsNoService() {
        doNotUse(
                        new String[] {"org.suggestionbox.platform.."},
                        "org.suggestionbox.intake..",
                        "org.suggestionbox.router..",
                        "org.suggestionbox.notifier..")
                .check(PLATFORM);
    }

    @Test
    void pageControllersGetTheLayout() {
        pageControllersUseTheLayout().check(PLATFORM);
    }
}
