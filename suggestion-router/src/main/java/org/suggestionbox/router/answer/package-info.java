/** Answer proof: marks ideas answered once the notifier delivered the decision to the submitter. */
@NullMarked
package org.suggestionbox.router.answer;

import org.jspecify.annotations.NullMarked;
