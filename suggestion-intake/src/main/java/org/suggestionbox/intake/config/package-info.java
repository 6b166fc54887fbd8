/**
 * Intake settings and cross-cutting wiring.
 */
@NullMarked
package org.suggestionbox.intake.config;

import org.jspecify.annotations.NullMarked;
