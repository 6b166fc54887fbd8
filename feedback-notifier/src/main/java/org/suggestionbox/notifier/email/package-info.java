/** E-mail over SMTP, HTML and plain text, in the recipient's language. */
@NullMarked
package org.suggestionbox.notifier.email;

import org.jspecify.annotations.NullMarked;
