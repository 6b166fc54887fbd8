package org.suggestionbox.notifier.delivery;

/**
 * Whose address an outside call goes to. The company's (its Slack workspace, its webhook receivers, its Teams channel
 * for everyone) are named where their circuit breaker shows, so that operators can mend them. A person's own Teams or
 * webhook URL never is: its host may name the person, and the moment its breaker opens is a moment something was
 * being delivered to them, perhaps the answer to an idea they sent without their name.
 */
public enum DestinationOwner {
    COMPANY,
    PERSON
}
