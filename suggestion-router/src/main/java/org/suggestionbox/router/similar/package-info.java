/** Similar ideas: an in-memory Lucene index of idea texts, queried with MoreLikeThis. */
@NullMarked
package org.suggestionbox.router.similar;

import org.jspecify.annotations.NullMarked;
