/**
 * The pipeline benchmark: {@link org.suggestionbox.benchmarks.PipelineBenchmark} drives intake's API
 * open-loop at a constant rate and compares submit-to-delivered latency with a raw Kafka baseline.
 */
@NullMarked
package org.suggestionbox.benchmarks;

import org.jspecify.annotations.NullMarked;
