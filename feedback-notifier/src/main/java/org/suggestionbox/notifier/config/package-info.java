/**
 * Cross-cutting wiring: the settings every feature reads, the message texts adapter, the OpenAPI document.
 * Depends on no feature but the Spring-free {@code message}, so every feature may depend on it.
 */
@NullMarked
package org.suggestionbox.notifier.config;

import org.jspecify.annotations.NullMarked;
