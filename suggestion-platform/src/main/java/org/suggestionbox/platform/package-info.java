/**
 * Build-time sharing between the Suggestion Box services: sign-in against the directory, Kafka
 * wiring, problem details and the page layout. Each piece is Spring Boot auto-configuration a
 * service may override with its own bean.
 */
@NullMarked
package org.suggestionbox.platform;

import org.jspecify.annotations.NullMarked;
