package org.suggestionbox.router;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.testing.architecture.ArchitectureRules;

/**
 * The router's boundaries, by package and by annotation — no rule names a class it guards, so a new
 * class is covered the day it is written.
 */
class ArchitectureTests {

    private static final String ROUTER = "org.suggestionbox.router";

    /** Imported once for all rules (a test instance is made per method). */
    private static final JavaClasses classes = ArchitectureRules.mainClasses(ROUTER);

    /**
     * Each top-level package of the router is a slice; no two depend on each other, directly or round about
     * (test-support's {@code ArchitectureRulesTests} shows the rule failing on a cycle made on purpose).
     */
    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        ArchitectureRules.noPackageCycles(ROUTER).check(classes);
    }

    @Test
    void theIdeaDomainKnowsNeitherSpringNorKafkaNorMongo() {
        noClasses()
                .that()
                .resideInAPackage("..router.idea..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.suggestionbox.platform..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "jakarta..")
                .check(classes);
    }

    @Test
    void theIdeaDomainDependsOnNoOtherRouterPackage() {
        noClasses()
                .that()
                .resideInAPackage("..router.idea..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.suggestionbox.router..").and(not(resideInAPackage("..router.idea.."))))
                .because("the aggregate is the innermost circle")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheWebOrTheListeners() {
        noClasses()
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are web entry points",
                        (JavaClass type) -> !type.isAnnotation()
                                && (type.isAnnotatedWith(Controller.class)
                                        || type.isAnnotatedWith(RestController.class)
                                        || type.isAnnotatedWith(RestControllerAdvice.class))))
                .check(classes);
        noClasses()
                .should()
                .dependOnClassesThat()
                .containAnyMethodsThat(DescribedPredicate.describe(
                        "are Kafka listeners", method -> method.isAnnotatedWith(KafkaListener.class)))
                .check(classes);
    }

    @Test
    void theDomainAndStorageUseNoApplicationServiceAndRoutingOnlyItsOwn() {
        noClasses()
                .that()
                .resideInAnyPackage("..router.idea..", "..router.storage..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Service.class)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..router.routing..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are services of other packages",
                        (JavaClass type) -> type.isAnnotatedWith(Service.class)
                                && !type.getPackageName().endsWith(".router.routing")))
                .check(classes);
    }

    @Test
    void ideasAreWrittenOnlyThroughTheOneChangePath() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..router.lifecycle..", "..router.storage..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "IdeaStore.save or IdeaStore.insert",
                        call -> call.getTargetOwner().isEquivalentTo(IdeaStore.class)
                                && (call.getName().equals("save")
                                        || call.getName().equals("insert"))))
                .because("every change goes load → act → save → project → relay through lifecycle.Ideas")
                .check(classes);
    }

    @Test
    void webEntryPointsListenersAndConfigurationArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(RestControllerAdvice.class)
                .or()
                .areAnnotatedWith(Configuration.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(classes);
        classes()
                .that()
                .containAnyMethodsThat(DescribedPredicate.describe(
                        "are Kafka listeners", method -> method.isAnnotatedWith(KafkaListener.class)))
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(classes);
    }

    @Test
    void pageControllersGetTheLayout() {
        ArchitectureRules.pageControllersUseTheLayout().check(classes);
    }

    @Test
    void apiChangesAreRefusedBeforeTheyHappenWhenTheirAnswerCannotBeRead() {
        ArchitectureRules.apiChangesNameWhatTheyAnswerIn().check(classes);
    }
}
