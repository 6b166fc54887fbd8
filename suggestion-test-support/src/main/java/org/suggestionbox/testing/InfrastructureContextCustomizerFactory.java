package org.suggestionbox.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a Spring test context at the shared {@link Infrastructure} when its test class carries
 * {@link SuggestionBoxInfrastructure}. All such contexts get the same customizer, so Spring's
 * context cache can reuse them across test classes.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, SuggestionBoxInfrastructure.class)
                ? new InfrastructureContextCustomizer()
                : null;
    }

    static final class InfrastructureContextCustomizer implements ContextCustomizer {

        private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructure = new MapPropertySource(
                    "suggestionBoxInfrastructure", Infrastructure.get().springProperties());
            // below a test's own properties (so a test can point one setting elsewhere), above application.yml
            if (sources.contains(INLINED_TEST_PROPERTIES)) {
                sources.addAfter(INLINED_TEST_PROPERTIES, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureContextCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureContextCustomizer.class.hashCode();
        }
    }
}
