/**
 * CSV exports for leaders: every idea, and the dashboard's figures. RFC 4180 in UTF-8 with a byte
 * order mark, formula-like cells neutralised, anonymous submitters never named, ideas streamed from a
 * cursor.
 */
@NullMarked
package org.suggestionbox.router.export;

import org.jspecify.annotations.NullMarked;
