package org.suggestionbox.systemtests;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the test classes that do not use the shared {@link RunningStack} (the fault scenarios with a stack of their
 * own, the production start, the contract tests) before the {@link SystemTest}s, keeping the order within each
 * group. The shared stack starts with the first system test and lives until the JVM's last test; run the other way
 * round it would idle beside the fault scenarios' own stack for their whole length (1,065 s in CI before issue
 * #13), taking CPU and memory from the crashes and drains on a 2-core machine. Set in
 * {@code junit-platform.properties}.
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
