package org.suggestionbox.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Optional;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

class SchedulerLockAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SchedulerLockAutoConfiguration.class));

    @Test
    void aServiceWithMongoGetsItsLocksInItsOwnDatabase() {
        runner.withUserConfiguration(Mongo.class).run(context -> {
            assertThat(context).hasSingleBean(LockProvider.class);
            assertThat(context.getBean(LockProvider.class)).isInstanceOf(MongoLockProvider.class);
            verify(context.getBean(MongoTemplate.class)).getDb();
        });
    }

    @Test
    void aServiceWithALockProviderOfItsOwnKeepsIt() {
        runner.withUserConfiguration(Mongo.class, OwnLockProvider.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(LockProvider.class);
            assertThat(context.getBean(LockProvider.class)).isSameAs(OwnLockProvider.PROVIDER);
        });
    }

    @Test
    void aServiceWithoutMongoIsUnaffected() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LockProvider.class));
    }

    @Test
    void aServiceWithoutShedLockIsUnaffected() {
        runner.withUserConfiguration(Mongo.class)
                .withClassLoader(new FilteredClassLoader("net.javacrumbs.shedlock"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LockProvider.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Mongo {

        @Bean
        MongoTemplate mongoTemplate() {
            return mock(MongoTemplate.class, RETURNS_DEEP_STUBS);
        }
    }

    /** Like the router's own copy, which predates the platform's. */
    @Configuration(proxyBeanMethods = false)
    @EnableSchedulerLock(defaultLockAtMostFor = "10m")
    static class OwnLockProvider {

        static final LockProvider PROVIDER = configuration -> Optional.empty();

        @Bean
        LockProvider ownLockProvider() {
            return PROVIDER;
        }
    }
}
