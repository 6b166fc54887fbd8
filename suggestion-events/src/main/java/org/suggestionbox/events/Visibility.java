package org.suggestionbox.events;

import org.jspecify.annotations.Nullable;

/**
 * Who may see an idea besides the people it belongs to (submitter, co-submitters, owner, watchers,
 * supporters) and leaders. The submitter chooses it at every door.
 */
public enum Visibility {

    /** Colleagues see the idea without the submitter's name; the default. */
    COMPANY,

    /** Colleagues see the idea with the submitter's name (and co-submitters' who agreed). */
    COMPANY_NAMED,

    /** Only the people the idea belongs to and leaders see it. */
    PRIVATE;

    /** What an idea gets when the submitter chose nothing. */
    public static final Visibility DEFAULT = COMPANY;

    /**
     * What a stored or travelling idea has: ideas from before visibility existed carry none and stay
     * {@link #PRIVATE}; an anonymous idea can never be named, so {@link #COMPANY_NAMED} becomes
     * {@link #COMPANY} for it.
     */
    public static Visibility of(@Nullable Visibility chosen, boolean anonymous) {
        if (chosen == null) {
            return PRIVATE;
        }
        return anonymous && chosen == COMPANY_NAMED ? COMPANY : chosen;
    }

    /** Whether colleagues may see the idea at all. */
    public boolean isCompanyWide() {
        return this != PRIVATE;
    }

    /** Whether colleagues may see who submitted it. */
    public boolean isNamed() {
        return this == COMPANY_NAMED;
    }
}
