package org.suggestionbox.systemtests;

import java.util.List;

/**
 * Something done to the stack while ideas are submitted (crashes, outages, poison, scaling), run on its
 * own thread next to the load; it says afterwards what it did and when.
 */
interface Fault extends Runnable {

    /** One line per thing done, with its moment and how long it took. */
    List<String> timings();

    /** A fault that does nothing: the load alone. */
    static Fault none() {
        return new Fault() {

            @Override
            public void run() {}

            @Override
            public List<String> timings() {
                return List.of();
            }
        };
    }
}
