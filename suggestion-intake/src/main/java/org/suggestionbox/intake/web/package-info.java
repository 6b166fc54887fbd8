/**
 * The server-rendered idea form and its confirmation page; works without JavaScript.
 */
@NullMarked
package org.suggestionbox.intake.web;

import org.jspecify.annotations.NullMarked;
