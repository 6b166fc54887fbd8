/**
 * Proof of answer: the latest decision of every idea is kept (sealed), and a reconciler, run once
 * across instances, delivers it again to any submitter whose inbox does not have it.
 */
@NullMarked
package org.suggestionbox.notifier.answer;

import org.jspecify.annotations.NullMarked;
