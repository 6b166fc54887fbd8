package org.suggestionbox.localstack;

/**
 * A server of the local infrastructure that fault injection can stop and start again on the same port
 * and data: the Kafka broker and the MongoDB-wire server.
 */
interface RestartableServer extends AutoCloseable {

    /** Starts serving (again) and returns once it answers. */
    void start();

    boolean isRunning();

    /** Where clients reach it, for the log. */
    String address();

    /** Stops serving and waits until it has; the data stays. */
    @Override
    void close();
}
