package org.suggestionbox.router.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One person of an uploaded directory, as written, before validation (the demo directory's JSON shape). */
record PersonRow(
        @Nullable String id,
        @Nullable String name,
        @Nullable String email,
        @Nullable String department,
        @Nullable String managerId,
        @Nullable String locale,
        @Nullable String slackId,
        @Nullable String teamsId,
        @Nullable List<String> roles) {}
