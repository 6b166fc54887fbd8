package org.suggestionbox.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.testing.architecture.ArchitectureRules;

/**
 * The intake's boundaries, by package and annotation: the feature packages ({@code submission},
 * {@code limits}, {@code publishing}, {@code config}) and the doors an idea comes through
 * ({@code api}, {@code web}, {@code chat}, {@code slack}, {@code teams}) form no cycle; the
 * submission rules know neither Kafka nor any door; only {@code publishing} (and the wiring in
 * {@code config}) talks to Kafka.
 */
class ArchitectureTests {

    private static final String INTAKE_PACKAGE = "org.suggestionbox.intake";
    private static final String[] DOORS = {
        "..intake.api..", "..intake.web..", "..intake.chat..", "..intake.slack..", "..intake.teams.."
    };
    private static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka.."};

    private static final JavaClasses INTAKE = ArchitectureRules.mainClasses(INTAKE_PACKAGE);

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles(INTAKE_PACKAGE).check(INTAKE);
    }

    @Test
    void submissionKnowsNeitherKafkaNorTheDoorsIdeasComeThrough() {
        noClasses()
                .that()
                .resideInAPackage("..intake.submission..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KAFKA)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "..intake.publishing..", "..intake.limits..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(DOORS)
                .check(INTAKE);
    }

    /** Rules, drafts and results are plain Java; only the submission's Spring beans touch Spring or metrics. */
    @Test
    void submissionValuesAndRulesArePlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..intake.submission..")
                .and()
                .areNotAnnotatedWith(Service.class)
                .and()
                .areNotAnnotatedWith(Component.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.micrometer..")
                .check(INTAKE);
    }

    @Test
    void onlyPublishingAndTheWiringTalkToKafka() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..intake.publishing..", "..intake.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KAFKA)
                .check(INTAKE);
    }

    @Test
    void controllersAreDoors() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAnyPackage(DOORS)
                .check(INTAKE);
    }

    @Test
    void configurationClassesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Configuration.class)
                .should()
                .notBePublic()
                .check(INTAKE);
    }

    /** Each door stands alone: nothing else, no other door included, depends on it. */
    @ParameterizedTest
    @ValueSource(strings = {"api", "web", "slack", "teams"})
    void nothingDependsOnADoor(String door) {
        String inside = "..intake." + door + "..";
        noClasses()
                .that()
                .resideOutsideOfPackage(inside)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(inside)
                .check(INTAKE);
    }

    @Test
    void pageControllersGetTheLayout() {
        ArchitectureRules.pageControllersUseTheLayout().check(INTAKE);
    }

    @Test
    void apiChangesAreRefusedBeforeTheyHappenWhenTheirAnswerCannotBeRead() {
        ArchitectureRules.apiChangesNameWhatTheyAnswerIn().check(INTAKE);
    }
}
