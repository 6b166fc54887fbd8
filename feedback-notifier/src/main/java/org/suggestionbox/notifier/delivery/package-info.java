/** The delivery ledger and the channels: each message reaches each recipient once per channel. */
@NullMarked
package org.suggestionbox.notifier.delivery;

import org.jspecify.annotations.NullMarked;
