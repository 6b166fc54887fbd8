/**
 * The one-command local run of Suggestion Box: {@link org.suggestionbox.localstack.LocalStack} starts a
 * real Apache Kafka broker (KRaft) as a child process, a MongoDB-wire server persisted to a file, an
 * SMTP server that captures mail (with a mail viewer for people) and the three services as child
 * processes. Used by the command line ({@link org.suggestionbox.localstack.LocalStackCommand}) and by
 * the system tests and benchmarks.
 *
 * <p>{@code LocalStack} is the public face; behind it {@code StackSettings} holds what its builder set,
 * {@code Infrastructure} runs Kafka, the MongoDB-wire server and the SMTP capture, {@code Services} runs the
 * service processes (health, scale-out), {@code ServiceLaunch} builds a service's command line and
 * environment, and {@code FaultInjection} crashes services and takes Kafka or MongoDB away and back.
 */
@NullMarked
package org.suggestionbox.localstack;

import org.jspecify.annotations.NullMarked;
