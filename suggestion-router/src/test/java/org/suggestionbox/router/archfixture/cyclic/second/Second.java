package org.suggestionbox.router.archfixture.cyclic.second;

import org.suggestionbox.router.archfixture.cyclic.first.First;

/** The other half of the package cycle made on purpose. */
public class Second {

    First first() {
        return new First();
    }
}
