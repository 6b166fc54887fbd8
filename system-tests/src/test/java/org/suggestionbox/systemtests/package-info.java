/**
 * System tests: the whole Suggestion Box (Kafka broker process, MongoDB-wire server, SMTP capture and the
 * three services' executable jars) started once per test JVM by the local stack, driven over HTTP and
 * through headless Chromium; and the docker-compose contract.
 */
@NullMarked
package org.suggestionbox.systemtests;

import org.jspecify.annotations.NullMarked;
