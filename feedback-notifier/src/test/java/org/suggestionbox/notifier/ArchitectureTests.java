package org.suggestionbox.notifier;

import static org.suggestionbox.testing.architecture.ArchitectureRules.apiChangesNameWhatTheyAnswerIn;
import static org.suggestionbox.testing.architecture.ArchitectureRules.freeOfFrameworks;
import static org.suggestionbox.testing.architecture.ArchitectureRules.independentOfEachOther;
import static org.suggestionbox.testing.architecture.ArchitectureRules.kafkaListenersOnlyIn;
import static org.suggestionbox.testing.architecture.ArchitectureRules.mainClasses;
import static org.suggestionbox.testing.architecture.ArchitectureRules.noPackageCycles;
import static org.suggestionbox.testing.architecture.ArchitectureRules.onlyUsedFrom;
import static org.suggestionbox.testing.architecture.ArchitectureRules.pageControllersUseTheLayout;
import static org.suggestionbox.testing.architecture.ArchitectureRules.springWiringIsPackagePrivate;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final String ROOT = "org.suggestionbox.notifier";

    private static final JavaClasses NOTIFIER = mainClasses(ROOT);

    @Test
    void featuresDependOnEachOtherOneWayOnly() {
        noPackageCycles(ROOT).check(NOTIFIER);
    }

    @Test
    void whoHearsWhatIsFreeOfFrameworks() {
        freeOfFrameworks("..notifier.message..").check(NOTIFIER);
    }

    @Test
    void channelsDoNotKnowEachOther() {
        independentOfEachOther(
                        "..notifier.email..",
                        "..notifier.inbox..",
                        "..notifier.slack..",
                        "..notifier.teams..",
                        "..notifier.webhook..")
                .check(NOTIFIER);
    }

    @Test
    void onlyTheLifecycleFeatureListensToKafka() {
        kafkaListenersOnlyIn("..notifier.lifecycle..").check(NOTIFIER);
    }

    @Test
    void onlyTheProofPublishesEvents() {
        onlyUsedFrom("..notifier.proof..", "org.suggestionbox.platform.kafka.EventPublisher")
                .check(NOTIFIER);
    }

    @Test
    void springWiringAndControllersArePackagePrivate() {
        springWiringIsPackagePrivate().check(NOTIFIER);
    }

    @Test
    void pageControllersGetTheLayout() {
        pageControllersUseTheLayout().check(NOTIFIER);
    }

    @Test
    void apiChangesAreRefusedBeforeTheyHappenWhenTheirAnswerCannotBeRead() {
        apiChangesNameWhatTheyAnswerIn().check(NOTIFIER);
    }
}
