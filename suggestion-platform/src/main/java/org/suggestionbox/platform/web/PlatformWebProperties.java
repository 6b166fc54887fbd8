package org.suggestionbox.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings shared by every service.
 *
 * @param maxRequestSize larger request bodies are refused with 413 before any other work, announced
 *        or chunked: problem details on {@code /api}, a short localized page elsewhere. The largest
 *        valid request (an idea, a decision with 5,000 characters of Hebrew) is about 20 KB.
 */
@ConfigurationProperties("suggestionbox.web")
public record PlatformWebProperties(@DefaultValue("64KB") DataSize maxRequestSize) {}
