package org.suggestionbox.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of an anonymous submitter intake lets travel on {@code IdeaSubmitted}.
 *
 * @param minDepartmentSize k: the department (and the language) of an anonymous submitter travel only
 *        when the directory has at least this many people in that department; in a smaller one they
 *        would name the person
 */
@ConfigurationProperties("suggestionbox.anonymity")
public record AnonymityRules(@DefaultValue("5") int minDepartmentSize) {

    public AnonymityRules {
        if (minDepartmentSize < 1) {
            throw new IllegalArgumentException("suggestionbox.anonymity.min-department-size must be at least 1");
        }
    }
}
