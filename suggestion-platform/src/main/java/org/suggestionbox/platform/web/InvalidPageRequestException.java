package org.suggestionbox.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A {@code limit} or {@code cursor} the list cannot page with: 400 (problem details under /api). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidPageRequestException extends RuntimeException {

    InvalidPageRequestException(String message) {
        super(message);
    }

    static InvalidPageRequestException limit() {
        return new InvalidPageRequestException("limit must be a whole number from 1 to " + PageRequest.MAX_LIMIT
                + " (default " + PageRequest.DEFAULT_LIMIT + ").");
    }

    public static InvalidPageRequestException cursor() {
        return new InvalidPageRequestException("cursor is not one this list handed out.");
    }
}
