package org.suggestionbox.notifier.message;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.suggestionbox.events.Submitter;

/**
 * The people the message tests write to, each in their language: alice, noa (Hebrew), piotr (Polish), maya, lea and
 * dan. Every sealed identity opens as noa, anonymous.
 */
final class TestRecipients implements Recipients {

    private static final Map<String, Contact> PEOPLE = Map.of(
            "alice", new Contact("alice", "Alice Walker", "alice@suggestionbox.example", Locale.ENGLISH, false),
            "noa", new Contact("noa", "נועה לוי", "noa@suggestionbox.example", Locale.forLanguageTag("he"), false),
            "piotr",
                    new Contact(
                            "piotr", "Piotr Nowak", "piotr@suggestionbox.example", Locale.forLanguageTag("pl"), false),
            "maya", new Contact("maya", "Maya Rosen", "maya@suggestionbox.example", Locale.ENGLISH, false),
            "lea", new Contact("lea", "Lea Fischer", "lea@suggestionbox.example", Locale.ENGLISH, false),
            "dan", new Contact("dan", "Dan Gold", "dan@suggestionbox.example", Locale.ENGLISH, false));

    private static final String LEA = "lea";

    private final boolean everyoneReportsToLea;

    private TestRecipients(boolean everyoneReportsToLea) {
        this.everyoneReportsToLea = everyoneReportsToLea;
    }

    /** Nobody has a manager. */
    static Recipients withoutManagers() {
        return new TestRecipients(false);
    }

    /** Everyone but lea reports to lea, who reports to nobody. */
    static Recipients reportingToLea() {
        return new TestRecipients(true);
    }

    @Override
    public Optional<Contact> submitter(Submitter submitter) {
        if (submitter.isAnonymous()) {
            return Optional.of(
                    new Contact("noa", null, "noa@suggestionbox.example", Locale.forLanguageTag("he"), true));
        }
        return person(submitter.personId());
    }

    @Override
    public Optional<Contact> person(String personId) {
        return Optional.ofNullable(PEOPLE.get(personId));
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return this.everyoneReportsToLea && !LEA.equals(personId) ? Optional.of(LEA) : Optional.empty();
    }
}
