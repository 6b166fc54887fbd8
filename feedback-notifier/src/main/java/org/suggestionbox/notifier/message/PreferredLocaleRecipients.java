package org.suggestionbox.notifier.message;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.suggestionbox.events.Submitter;

/**
 * The people of another {@link Recipients}, spoken to in the language they chose on their
 * preferences page where they chose one (languages outside English, Hebrew and Polish fall back to
 * English).
 */
public final class PreferredLocaleRecipients implements Recipients {

    private final Recipients delegate;
    private final Function<String, Optional<Locale>> chosenLocale;

    /** @param chosenLocale the language a person (by id) chose, if any */
    public PreferredLocaleRecipients(Recipients delegate, Function<String, Optional<Locale>> chosenLocale) {
        this.delegate = delegate;
        this.chosenLocale = chosenLocale;
    }

    @Override
    public Optional<Contact> submitter(Submitter submitter) {
        return delegate.submitter(submitter).map(this::withChosenLocale);
    }

    @Override
    public Optional<Contact> person(String personId) {
        return delegate.person(personId).map(this::withChosenLocale);
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return delegate.managerOf(personId);
    }

    private Contact withChosenLocale(Contact contact) {
        return chosenLocale
                .apply(contact.personId())
                .map(locale -> contact.withLocale(DirectoryRecipients.supported(locale)))
                .orElse(contact);
    }
}
