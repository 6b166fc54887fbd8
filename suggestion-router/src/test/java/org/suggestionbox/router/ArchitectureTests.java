package org.suggestionbox.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.suggestionbox.router");

    @Test
    void theIdeaDomainKnowsNeitherSpringNorKafkaNorMongo() {
        noClasses().that().resideInAPackage("..router.idea..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "org.suggestionbox.platform..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void theDomainAndRoutingDoNotReachIntoTheWebOrListeners() {
        noClasses().that().resideInAnyPackage("..router.idea..", "..router.routing..", "..router.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("..router.decision..", "..router.queue..",
                        "..router.intake..", "..router.answer..", "..router.outbox..", "..router.deadline..",
                        "..router.dashboard..", "..router.similar..")
                .check(classes);
    }
}
