package org.suggestionbox.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture rules the services share, named by package and annotation rather than by class, so that a
 * new class is checked without anyone adding it to a list. Each returns an ArchUnit {@link ArchRule}:
 * {@code ArchitectureRules.noPackageCycles("org.suggestionbox.notifier").check(ArchitectureRules.mainClasses(...))}.
 * <p>
 * Package identifiers are ArchUnit's ({@code "..notifier.message.."}).
 */
public final class ArchitectureRules {

    /** What a domain package must not know: the frameworks around it. */
    public static final String[] FRAMEWORK_PACKAGES = {
        "org.springframework..",
        "org.apache.kafka..",
        "com.mongodb..",
        "org.bson..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "io.micrometer..",
        "jakarta.servlet.."
    };

    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

    private static final String[] SPRING_WIRING = {
        "org.springframework.context.annotation.Configuration",
        "org.springframework.stereotype.Controller",
        "org.springframework.web.bind.annotation.RestController",
        "org.springframework.web.bind.annotation.ControllerAdvice",
        "org.springframework.web.bind.annotation.RestControllerAdvice"
    };

    private ArchitectureRules() {}

    /** The production classes of a service or library, tests left out. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /**
     * No cycle between the packages right below {@code rootPackage} (each with its subpackages): features may
     * use each other one way only. Classes in the root package itself (the application class) are no slice.
     */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .as("the packages below " + rootPackage + " are free of cycles");
    }

    /** The given packages (domain, rules) know neither Spring, Kafka, MongoDB, Jackson, Micrometer nor servlets. */
    public static ArchRule freeOfFrameworks(String... packageIdentifiers) {
        return noClasses()
                .that()
                .resideInAnyPackage(packageIdentifiers)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORK_PACKAGES)
                .as("classes in " + String.join(", ", packageIdentifiers)
                        + " know no framework (Spring, Kafka, MongoDB, Jackson, Micrometer, servlets)");
    }

    /** None of the given packages (say, the channels) uses another of them. */
    public static ArchRule independentOfEachOther(String... packageIdentifiers) {
        List<ArchRule> rules = new ArrayList<>();
        for (String each : packageIdentifiers) {
            String[] others = Arrays.stream(packageIdentifiers)
                    .filter(other -> !other.equals(each))
                    .toArray(String[]::new);
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(each)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others));
        }
        return CompositeArchRule.of(rules).as(String.join(", ", packageIdentifiers) + " do not know each other");
    }

    /** None of {@code packageIdentifiers} uses anything in {@code forbiddenPackageIdentifiers}. */
    public static ArchRule doNotUse(String[] packageIdentifiers, String... forbiddenPackageIdentifiers) {
        return noClasses()
                .that()
                .resideInAnyPackage(packageIdentifiers)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbiddenPackageIdentifiers);
    }

    /** Kafka listeners ({@code @KafkaListener} methods) live in the given package only. */
    public static ArchRule kafkaListenersOnlyIn(String packageIdentifier) {
        return methods()
                .that()
                .areAnnotatedWith(KAFKA_LISTENER)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage(packageIdentifier)
                .as("@KafkaListener methods are declared in " + packageIdentifier + " only");
    }

    /** Only classes in {@code packageIdentifier} use the class named {@code className}. */
    public static ArchRule onlyUsedFrom(String packageIdentifier, String className) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(packageIdentifier)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(className)
                .as("only " + packageIdentifier + " uses " + className);
    }

    /**
     * Every page controller ({@code @Controller}, not an API's {@code @RestController}) is a
     * {@code org.suggestionbox.platform.web.PageController}, which the shared layout's model advice fills the model
     * for: a page controller without it would render without the menu, the language and the text direction.
     */
    public static ArchRule pageControllersUseTheLayout() {
        return classes()
                .that()
                .areAnnotatedWith("org.springframework.stereotype.Controller")
                .should()
                .beAssignableTo("org.suggestionbox.platform.web.PageController")
                .allowEmptyShould(true)
                .as("@Controller classes are PageControllers, so that the layout's model reaches their pages");
    }

    /**
     * Spring wiring and web entry points ({@code @Configuration}, controllers, controller advice) are package
     * private: nobody calls them, Spring finds them. (A library's auto-configuration is public and carries
     * {@code @AutoConfiguration}, which this rule does not look at.)
     */
    public static ArchRule springWiringIsPackagePrivate() {
        List<ArchRule> rules = new ArrayList<>();
        for (String annotation : SPRING_WIRING) {
            rules.add(classes()
                    .that()
                    .areAnnotatedWith(annotation)
                    .should()
                    .notHaveModifier(JavaModifier.PUBLIC)
                    .allowEmptyShould(true));
        }
        return CompositeArchRule.of(rules)
                .as("@Configuration classes, controllers and controller advice are package-private");
    }
}
