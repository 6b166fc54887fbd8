package org.suggestionbox.router.idea;

import java.util.ArrayList;
import java.util.List;
import org.suggestionbox.events.Visibility;

/**
 * Who besides the people an idea belongs to may see it, and who follows it: the {@link Visibility} the
 * submitter chose, the colleagues who said "me too" (in the order they did), and the co-submitters who
 * agreed to be named to colleagues.
 *
 * @param supporterIds directory ids, each once, at most {@link #MAX_SUPPORTERS}
 * @param namedCoSubmitterIds directory ids of co-submitters who agreed to be named, each once
 */
public record Audience(Visibility visibility, List<String> supporterIds, List<String> namedCoSubmitterIds) {

    /**
     * The most supporters an idea keeps. Every outcome event carries all of them, and 2,000 directory ids
     * of up to 254 characters (an e-mail address) stay under half of Kafka's default 1 MiB record limit.
     */
    public static final int MAX_SUPPORTERS = 2_000;

    public Audience {
        supporterIds = List.copyOf(supporterIds);
        namedCoSubmitterIds = List.copyOf(namedCoSubmitterIds);
    }

    /** What an idea chosen as {@code visibility} starts with: nobody supports it, no co-submitter is named. */
    public static Audience of(Visibility visibility) {
        return new Audience(visibility, List.of(), List.of());
    }

    public int supportCount() {
        return supporterIds.size();
    }

    public boolean isSupportedBy(String personId) {
        return supporterIds.contains(personId);
    }

    Audience withSupporter(String personId) {
        List<String> more = new ArrayList<>(supporterIds);
        more.add(personId);
        return new Audience(visibility, more, namedCoSubmitterIds);
    }

    Audience withoutSupporter(String personId) {
        List<String> fewer = new ArrayList<>(supporterIds);
        fewer.remove(personId);
        return new Audience(visibility, fewer, namedCoSubmitterIds);
    }

    Audience withNamedCoSubmitter(String personId) {
        List<String> named = new ArrayList<>(namedCoSubmitterIds);
        named.add(personId);
        return new Audience(visibility, supporterIds, named);
    }
}
