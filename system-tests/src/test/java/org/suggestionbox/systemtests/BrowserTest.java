package org.suggestionbox.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link SystemTest} driving a real browser: methods may take a {@link Browser}, opened for the method
 * with a fresh profile and closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SystemTest
@ExtendWith(BrowserExtension.class)
@interface BrowserTest {}
