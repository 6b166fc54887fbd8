/**
 * One destination policy for every call the services make to a URL someone else chose (Teams and
 * webhook URLs people save, Slack's {@code response_url}, the installation's chat endpoints):
 * {@link OutboundPolicy} refuses a URL when it is saved and again when it is called, after name
 * resolution; {@link OutboundClient} then connects to exactly the addresses that were checked, follows
 * no redirect and reads at most a capped answer.
 */
@NullMarked
package org.suggestionbox.platform.outbound;

import org.jspecify.annotations.NullMarked;
