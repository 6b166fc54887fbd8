package org.suggestionbox.notifier.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.platform.outbound.HostResolver;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundPolicyProperties;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * A poll's recipients' preferences are read in one query ({@code readAhead}), against the MongoDB-wire server,
 * the queries counted as the driver sends them.
 */
@SuggestionBoxInfrastructure
class PreferencesReadAheadIntegrationTests {

    private final List<String> preferenceFinds = new CopyOnWriteArrayList<>();
    private final RecipientRefs refs = new RecipientRefs("test-ref-key");

    private MongoClient client;
    private MongoTemplate mongo;
    private PreferencesService preferences;

    @BeforeEach
    void setUp(Infrastructure infrastructure) {
        CommandListener finds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(PreferenceStore.COLLECTION)) {
                    preferenceFinds.add(event.getCommand().toJson());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(infrastructure.mongoUri()))
                .addCommandListener(finds)
                .build());
        mongo = new MongoTemplate(
                client, "notifier_preferences_" + UUID.randomUUID().toString().replace("-", ""));
        preferences = new PreferencesService(
                new PreferenceStore(mongo),
                refs,
                Clock.systemUTC(),
                new OutboundPolicy(OutboundPolicyProperties.defaults(), false, HostResolver.SYSTEM));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aPollsRecipientsAreReadInOneQueryAndThoseWhoNeverChoseGetTheDefaults() {
        PreferenceStore store = new PreferenceStore(mongo);
        store.save(
                refs.of("noa"), new Preferences(Set.of(DeliveryChannel.SLACK), null, null, "he", false), Instant.now());
        store.save(refs.of("maya"), new Preferences(Set.of(), null, null, "pl", true), Instant.now());
        preferenceFinds.clear();

        List<Object> seen = preferences.remembering(() -> {
            preferences.readAhead(List.of(refs.of("noa"), refs.of("maya"), refs.of("piotr"), refs.of("noa")));
            return List.of(
                    preferences.chosenBy(refs.of("noa")),
                    preferences.digest(refs.of("maya")),
                    preferences.chosenBy(refs.of("piotr")),
                    preferences.chosenLocale("maya").orElseThrow().toLanguageTag(),
                    preferences.chosenLocale("piotr").isPresent());
        });

        assertThat(preferenceFinds).hasSize(1);
        assertThat(seen)
                .containsExactly(
                        Set.of(DeliveryChannel.IN_APP, DeliveryChannel.SLACK),
                        true,
                        Preferences.defaults().channels(),
                        "pl",
                        false);
    }

    @Test
    void onlyTheRecipientsNotReadYetAreAskedForAndNothingIsKeptOutsideAPoll() {
        preferences.remembering(() -> {
            preferences.chosenBy(refs.of("noa"));
            preferences.readAhead(List.of(refs.of("noa"), refs.of("maya")));
            preferences.readAhead(List.of(refs.of("maya")));
            return preferences.chosenBy(refs.of("maya"));
        });
        assertThat(preferenceFinds).hasSize(2);
        assertThat(preferenceFinds.get(1)).contains(refs.of("maya")).doesNotContain(refs.of("noa"));

        preferences.readAhead(List.of(refs.of("lea")));
        preferences.chosenBy(refs.of("lea"));
        preferences.chosenBy(refs.of("lea"));
        assertThat(preferenceFinds).hasSize(4);
    }
}
