package org.suggestionbox.testing;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, SuggestionBoxInfrastructure.class)
                ? new InfrastructureContextCustomizer()
                : null;
    }

    static final class InfrastructureContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("suggestionBoxInfrastructure", Infrastructure.get().springProperties()));
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
