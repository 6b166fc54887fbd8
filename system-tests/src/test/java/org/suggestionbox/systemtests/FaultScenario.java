package org.suggestionbox.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One fault scenario of {@link ServiceKillIntegrationTests} or {@link FaultInjectionIntegrationTests}: each class runs
 * beside the other system tests, but its scenarios one after the other on the class's thread, as they share the
 * class's stack and each breaks a part of it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Execution(ExecutionMode.SAME_THREAD)
@interface FaultScenario {}
