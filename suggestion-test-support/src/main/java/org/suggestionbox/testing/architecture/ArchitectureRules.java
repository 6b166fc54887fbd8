package org.suggestionbox.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    private static final String WEB_BIND = "org.springframework.web.bind.annotation.";

    /** The mappings of requests that change something. */
    private static final List<String> CHANGING_MAPPINGS =
            List.of("PostMapping", "PutMapping", "PatchMapping", "DeleteMapping");

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
     * An API call ({@code /api/…}) that changes something and answers with a body names the media type it answers in
     * ({@code produces}, on the mapping or its class): Spring MVC then refuses a client that accepts none of it
     * with a 406 before the handler runs. Without it, the refusal came after the change — a decision recorded, an
     * idea published, and the client told 406 Not Acceptable.
     */
    public static ArchRule apiChangesNameWhatTheyAnswerIn() {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(WEB_BIND + "RestController")
                .and(changeSomething())
                .and(answerWithABody())
                .should(nameWhatTheyProduce())
                .allowEmptyShould(true)
                .as("@RestController methods that change something under /api and answer with a body declare what they"
                        + " produce");
    }

    private static DescribedPredicate<JavaMethod> changeSomething() {
        return DescribedPredicate.describe(
                "change something under /api",
                method -> CHANGING_MAPPINGS.stream()
                        .flatMap(mapping -> method.tryGetAnnotationOfType(WEB_BIND + mapping).stream())
                        .anyMatch(
                                mapping -> (path(method.getOwner().tryGetAnnotationOfType(WEB_BIND + "RequestMapping"))
                                                + path(Optional.of(mapping)))
                                        .startsWith("/api/")));
    }

    /** The first path a mapping names, "" when it names none. */
    private static String path(Optional<? extends JavaAnnotation<?>> mapping) {
        return mapping.stream()
                .flatMap(annotation -> Stream.of("value", "path").flatMap(name -> annotation.get(name).stream()))
                .filter(paths -> paths instanceof Object[] named && named.length > 0)
                .map(paths -> String.valueOf(((Object[]) paths)[0]))
                .findFirst()
                .orElse("");
    }

    private static DescribedPredicate<JavaMethod> answerWithABody() {
        return DescribedPredicate.describe("answer with a body", method -> {
            JavaType answer = method.getReturnType();
            String raw = answer.toErasure().getName();
            if (raw.equals("void")) {
                return false;
            }
            if (raw.equals("org.springframework.http.ResponseEntity")
                    && answer instanceof JavaParameterizedType entity
                    && entity.getActualTypeArguments().size() == 1) {
                return !entity.getActualTypeArguments()
                        .getFirst()
                        .toErasure()
                        .getName()
                        .equals("java.lang.Void");
            }
            return true;
        });
    }

    private static ArchCondition<JavaMethod> nameWhatTheyProduce() {
        return new ArchCondition<>("declare what they produce") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean named = CHANGING_MAPPINGS.stream()
                                .anyMatch(mapping -> produces(method.tryGetAnnotationOfType(WEB_BIND + mapping)))
                        || produces(method.getOwner().tryGetAnnotationOfType(WEB_BIND + "RequestMapping"));
                events.add(new SimpleConditionEvent(
                        method,
                        named,
                        method.getFullName() + (named ? " declares" : " does not declare") + " what it produces"));
            }
        };
    }

    private static boolean produces(Optional<? extends JavaAnnotation<?>> mapping) {
        return mapping.flatMap(annotation -> annotation.get("produces"))
                .map(produced -> produced instanceof Object[] types && types.length > 0)
                .orElse(false);
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
