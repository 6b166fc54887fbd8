package org.suggestionbox.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.suggestionbox.notifier");

    @Test
    void whoHearsWhatIsFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("..notifier.message..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void channelsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("..notifier.email..")
                .should().dependOnClassesThat().resideInAPackage("..notifier.inbox..")
                .check(classes);
        noClasses().that().resideInAPackage("..notifier.inbox..")
                .should().dependOnClassesThat().resideInAPackage("..notifier.email..")
                .check(classes);
    }

    @Test
    void chatChannelsDoNotKnowEachOther() {
        String[] channels = {"..notifier.email..", "..notifier.inbox..", "..notifier.slack..", "..notifier.teams..",
                "..notifier.webhook.."};
        for (String channel : channels) {
            String[] others = java.util.Arrays.stream(channels).filter(other -> !other.equals(channel))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(channel)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void onlyTheListenerTalksToKafkaListenersAndOnlyTheProofPublishesEvents() {
        noClasses().that().resideOutsideOfPackages("..notifier.lifecycle..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.annotation.KafkaListener")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("..notifier.proof..")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("org.suggestionbox.platform.kafka.EventPublisher")
                .check(classes);
    }
}
