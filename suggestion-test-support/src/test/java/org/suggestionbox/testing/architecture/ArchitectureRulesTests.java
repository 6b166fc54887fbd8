package org.suggestionbox.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared rules can fail: each is shown a small fixture that breaks it, and one that keeps it. */
class ArchitectureRulesTests {

    private static final Logger LOG = LoggerFactory.getLogger(ArchitectureRulesTests.class);

    private static final String FIXTURE = "org.suggestionbox.testing.architecture.fixture";

    @Test
    void aDeliberatePackageCycleIsReported() {
        // given: ideas -> owners -> ideas
        String root = FIXTURE + ".cycle";
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        ArchRule rule = ArchitectureRules.noPackageCycles(root);

        // when
        EvaluationResult result = rule.evaluate(classes);

        // then
        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        LOG.info("The cycle rule on a deliberate cycle reports:\n{}", report);
        assertThat(report)
                .contains("Cycle detected")
                .contains("ideas")
                .contains("owners")
                .contains("Idea.owner()")
                .contains("Owner.queue()");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> rule.check(classes))
                .withMessageContaining("the packages below " + root + " are free of cycles");
    }

    @Test
    void packagesThatDependOneWayOnlyPass() {
        String root = FIXTURE + ".acyclic";

        EvaluationResult result =
                ArchitectureRules.noPackageCycles(root).evaluate(new ClassFileImporter().importPackages(root));

        assertThat(result.hasViolation())
                .as(result.getFailureReport().toString())
                .isFalse();
    }

    @Test
    void aPackageUsingItsSiblingBreaksIndependence() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".acyclic");

        EvaluationResult result = ArchitectureRules.independentOfEachOther("..acyclic.ideas..", "..acyclic.owners..")
                .evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Idea.owner()");
    }

    @Test
    void aDomainPackageUsingAFrameworkIsReported() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".framework", FIXTURE + ".acyclic");

        assertThat(ArchitectureRules.freeOfFrameworks("..framework.domain..")
                        .evaluate(classes)
                        .hasViolation())
                .isTrue();
        assertThat(ArchitectureRules.freeOfFrameworks("..acyclic..")
                        .evaluate(classes)
                        .hasViolation())
                .isFalse();
    }
}
