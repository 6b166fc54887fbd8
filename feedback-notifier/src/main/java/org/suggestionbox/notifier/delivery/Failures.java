package org.suggestionbox.notifier.delivery;

import java.util.regex.Pattern;

/** Describes a failure for the ledger and for NotificationFailed without the addresses it may name. */
final class Failures {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_LENGTH = 300;

    private Failures() {}

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure == root
                ? root.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + " caused by "
                        + root.getClass().getSimpleName();
        String message = root.getMessage();
        if (message != null && !message.isBlank()) {
            text = text + ": " + EMAIL.matcher(message.strip()).replaceAll("<address>");
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
