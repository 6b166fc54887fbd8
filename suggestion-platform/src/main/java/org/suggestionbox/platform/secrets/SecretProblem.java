package org.suggestionbox.platform.secrets;

/**
 * What is wrong with one secret; never holds the secret's value.
 *
 * @param variable the environment variable that sets it
 * @param property the property it is read as
 * @param reason why it cannot be used, e.g. "is not set"
 */
record SecretProblem(String variable, String property, String reason) {

    static final String NOT_SET = "is not set";

    static final String PUBLISHED = "is a value published in the Suggestion Box repository";

    @Override
    public String toString() {
        return variable + " (" + property + ") " + reason;
    }
}
