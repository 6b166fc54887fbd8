/**
 * The one-command local run of Suggestion Box: {@link org.suggestionbox.localstack.LocalStack} starts a
 * real Apache Kafka broker (KRaft) as a child process, a MongoDB-wire server persisted to a file, an
 * SMTP server that captures mail (with a mail viewer for people) and the three services as child
 * processes. Used by the command line ({@link org.suggestionbox.localstack.LocalStackCommand}) and by
 * the system tests.
 */
@NullMarked
package org.suggestionbox.localstack;

import org.jspecify.annotations.NullMarked;
