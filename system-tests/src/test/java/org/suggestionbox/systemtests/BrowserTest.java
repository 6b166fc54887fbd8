package org.suggestionbox.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link SystemTest} driving a real browser: methods may take a {@link Browser}, the run's one Chromium with no
 * cookies, the desktop window and a blank page (see {@link BrowserExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SystemTest
@ExtendWith(BrowserExtension.class)
@interface BrowserTest {}
