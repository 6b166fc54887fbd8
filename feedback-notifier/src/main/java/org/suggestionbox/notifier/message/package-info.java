/** Who hears what: turns a lifecycle event into localized messages per recipient. Free of Spring and Kafka. */
@NullMarked
package org.suggestionbox.notifier.message;

import org.jspecify.annotations.NullMarked;
