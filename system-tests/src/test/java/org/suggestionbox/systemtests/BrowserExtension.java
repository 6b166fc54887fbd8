package org.suggestionbox.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriverException;

/**
 * Gives a test method the run's {@link Browser}, {@linkplain Browser#fresh() fresh} for it: no cookies of any
 * service, the desktop window, a blank page; see {@link BrowserTest}. One Chromium serves every browser test (they
 * run one after the other on the shared stack's thread) and is closed when the run ends. A Chromium per method
 * cost more: the 33 browser tests alone took Chromium 113 CPU-s with one per method and 61 CPU-s with one for
 * the run (issue #15). A browser a test left unusable is replaced.
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
        // stored in the root context, which closes it (AutoCloseable) when the run is done
        ExtensionContext.Store store = extensionContext.getRoot().getStore(NAMESPACE);
        Browser browser = store.computeIfAbsent(Browser.class, key -> Browser.open(), Browser.class);
        try {
            return browser.fresh();
        } catch (WebDriverException unusable) {
            store.remove(Browser.class);
            try {
                browser.close();
            } catch (WebDriverException driverGone) {
                // its ChromeDriver died with it: nothing left to quit, and its profile is removed anyway
            }
            return store.computeIfAbsent(Browser.class, key -> Browser.open(), Browser.class);
        }
    }
}
