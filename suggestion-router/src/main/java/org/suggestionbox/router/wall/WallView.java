package org.suggestionbox.router.wall;

/** The two views of the wall: every idea, or "You said, we did" — the implemented ones and their impact. */
enum WallView {
    ALL,
    IMPLEMENTED
}
