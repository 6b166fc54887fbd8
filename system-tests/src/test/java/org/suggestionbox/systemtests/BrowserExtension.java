package org.suggestionbox.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a {@link Browser} of its own, with a fresh profile (no cookies, no sign-in), and
 * closes it when the method ends; see {@link BrowserTest}.
 */
final class BrowserExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // stored in the method's context, which closes it (AutoCloseable) when the method is done
        return extensionContext
                .getStore(NAMESPACE)
                .computeIfAbsent(Browser.class, key -> Browser.open(), Browser.class);
    }
}
