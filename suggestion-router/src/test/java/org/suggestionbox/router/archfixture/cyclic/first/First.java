package org.suggestionbox.router.archfixture.cyclic.first;

import org.suggestionbox.router.archfixture.cyclic.second.Second;

/** Half of a package cycle made on purpose: {@code ArchitectureTests} shows its cycle rule catches it. */
public class First {

    Second second() {
        return new Second();
    }
}
