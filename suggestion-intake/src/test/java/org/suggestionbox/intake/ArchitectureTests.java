package org.suggestionbox.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses INTAKE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.suggestionbox.intake");

    @Test
    void submissionKnowsNeitherKafkaNorTheDoorsIdeasComeThrough() {
        noClasses().that().resideInAPackage("..intake.submission..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.web..", "jakarta.servlet..", "..intake.api..", "..intake.web..",
                        "..intake.publishing..")
                .check(INTAKE);
    }

    @Test
    void validationRulesArePlainJava() {
        noClasses().that().haveSimpleName("IdeaRules").or().haveSimpleName("ValidIdea")
                .or().haveSimpleName("Validation").or().haveSimpleName("FieldViolation")
                .or().haveSimpleName("IdeaDraft")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..")
                .check(INTAKE);
    }

    @Test
    void doorsDoNotTalkToKafkaDirectly() {
        noClasses().that().resideInAnyPackage("..intake.api..", "..intake.web..", "..intake.chat..",
                        "..intake.slack..", "..intake.teams..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "..intake.publishing..")
                .check(INTAKE);
    }
}
