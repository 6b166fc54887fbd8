package org.suggestionbox.systemtests;

import java.util.Comparator;

/** One HTTP endpoint of one service: the method and the path pattern of a request mapping. */
record Endpoint(String service, String method, String path) implements Comparable<Endpoint> {

    private static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::service)
            .thenComparing(Endpoint::path)
            .thenComparing(Endpoint::method);

    /** Under {@code /api/**}: JSON, stateless, a missing sign-in is a 401. Otherwise a page or a door. */
    boolean api() {
        return this.path.startsWith("/api/");
    }

    @Override
    public int compareTo(Endpoint other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return this.service + " " + this.method + " " + this.path;
    }
}
