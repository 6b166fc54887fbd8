package org.suggestionbox.notifier.message;

import java.util.Locale;
import org.suggestionbox.events.RecipientRole;

/** A person and why they hear about an idea. */
public record Recipient(Contact contact, RecipientRole role) {

    public String personId() {
        return contact.personId();
    }

    public String email() {
        return contact.email();
    }

    public Locale locale() {
        return contact.locale();
    }

    @Override
    public String toString() {
        return "Recipient[role=" + role + ", " + contact + "]";
    }
}
