/** Administration: importing the org directory (re-routing what departed owners leave) and the routing rules. */
@NullMarked
package org.suggestionbox.router.admin;

import org.jspecify.annotations.NullMarked;
