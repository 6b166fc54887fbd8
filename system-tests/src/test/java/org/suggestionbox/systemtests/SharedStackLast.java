package org.suggestionbox.systemtests;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the test classes that do not use the shared {@link RunningStack} (the production start, the chat secrets'
 * stacks, the contract tests) before the {@link SystemTest}s, keeping the order within each group, so each of their
 * stacks has stopped before the shared one starts and lives until the JVM's last test. The fault scenarios are not
 * in this order: they run beside all of it, each class on a thread of its own ({@link ServiceKillIntegrationTests},
 * {@link FaultInjectionIntegrationTests}). Set
 * in {@code junit-platform.properties}.
 */
final class SharedStackLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing((ClassDescriptor descriptor) -> usesSharedStack(descriptor.getTestClass())));
    }

    private static boolean usesSharedStack(Class<?> testClass) {
        return AnnotationSupport.isAnnotated(testClass, SystemTest.class);
    }
}
