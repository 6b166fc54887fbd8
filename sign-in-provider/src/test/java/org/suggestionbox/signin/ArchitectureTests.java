package org.suggestionbox.signin;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.architecture.ArchitectureRules;

/** The sign-in provider's boundaries, with the rules every service shares. */
class ArchitectureTests {

    private static final String SIGN_IN = "org.suggestionbox.signin";

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(SIGN_IN);

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles(SIGN_IN).check(CLASSES);
    }

    @Test
    void springWiringIsPackagePrivate() {
        ArchitectureRules.springWiringIsPackagePrivate().check(CLASSES);
    }
}
