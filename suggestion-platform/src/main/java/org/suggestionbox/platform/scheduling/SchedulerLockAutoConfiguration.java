package org.suggestionbox.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Jobs that must run once across a service's instances ({@code @SchedulerLock}) take a lock in the
 * {@code shedLock} collection of the service's own database: a single-document atomic upsert, which the
 * MongoDB-wire server supports as well.
 * <p>
 * Only in a service that has ShedLock and a {@link MongoTemplate}; a service with a {@link LockProvider} of its
 * own keeps it, and then this configuration, {@code @EnableSchedulerLock} included, stays out of the way.
 * {@code suggestionbox.scheduling.lock-at-most-for} (default 10 minutes) is how long a lock is kept when its
 * holder dies before releasing it, for jobs that do not say so themselves.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({EnableSchedulerLock.class, MongoLockProvider.class, MongoTemplate.class})
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnMissingBean(LockProvider.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${suggestionbox.scheduling.lock-at-most-for:10m}")
public class SchedulerLockAutoConfiguration {

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }
}
