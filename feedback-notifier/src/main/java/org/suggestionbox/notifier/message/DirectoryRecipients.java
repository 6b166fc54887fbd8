package org.suggestionbox.notifier.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;

/**
 * People from the org directory; anonymous submitters from their sealed identity, which only the
 * notifier can open. Languages outside English, Hebrew and Polish fall back to English.
 */
public final class DirectoryRecipients implements Recipients {

    private static final List<String> LANGUAGES = List.of("en", "he", "pl");

    private final Directory directory;
    private final IdentitySealer sealer;

    public DirectoryRecipients(Directory directory, IdentitySealer sealer) {
        this.directory = directory;
        this.sealer = sealer;
    }

    @Override
    public Optional<Contact> submitter(Submitter submitter) {
        SealedIdentity sealed = submitter.sealedIdentity();
        if (sealed != null) {
            SealedContact contact = sealer.open(sealed);
            return Optional.of(new Contact(
                    contact.personId(),
                    null,
                    contact.email(),
                    supported(Locale.forLanguageTag(contact.locale())),
                    true,
                    blankToNull(contact.slackId()),
                    blankToNull(contact.trackingToken())));
        }
        return submitter.personId() == null ? Optional.empty() : person(submitter.personId());
    }

    @Override
    public Optional<Contact> person(String personId) {
        return directory.find(personId).map(DirectoryRecipients::contact);
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return directory.find(personId).map(Person::managerId).map(DirectoryRecipients::blankToNull);
    }

    private static Contact contact(Person person) {
        return new Contact(
                person.id(),
                person.name(),
                person.email(),
                supported(person.preferredLocale()),
                false,
                blankToNull(person.slackId()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static Locale supported(Locale locale) {
        String language = "iw".equals(locale.getLanguage()) ? "he" : locale.getLanguage();
        return LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
    }
}
