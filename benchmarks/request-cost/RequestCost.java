import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one kind of request costs a running service in CPU: sends it open-loop at a constant rate and reads
 * the service's CPU time (user and system, {@code /proc/<pid>/stat}) over the measured seconds. Loopback only.
 *
 * <pre>
 * java benchmarks/request-cost/RequestCost.java PID RATE SECONDS WARMUP METHOD URL [JSON-BODY]
 * </pre>
 *
 * Sends HTTP Basic {@code alice:demo} (the local profile's demo password) unless {@code NO_CREDENTIALS} is
 * set; {@code $N} in the body becomes a fresh random word for each request. Subtract the service's idle CPU.
 */
public class RequestCost {

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("Usage: java benchmarks/request-cost/RequestCost.java PID RATE SECONDS WARMUP METHOD URL"
                    + " [JSON-BODY]");
            System.exit(2);
        }
        long pid = Long.parseLong(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String method = args[4];
        URI uri = URI.create(args[5]);
        String body = args.length > 6 ? args[6] : null;
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("Loopback only, not " + uri.getHost());
        }
        String credentials = System.getenv("NO_CREDENTIALS") == null
                ? "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8))
                : null;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        Runnable send = () -> senders.submit(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10));
            if (credentials != null) {
                request.header("Authorization", credentials);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String word = UUID.randomUUID().toString().substring(0, 8);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.replace("$N", word)));
            }
            int status;
            try {
                status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception ex) {
                status = -1;
            }
            statuses.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
        });
        clock.scheduleAtFixedRate(send, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(warmup * 1000L);
        long[] before = cpuTicks(pid);
        long start = System.nanoTime();
        statuses.clear();
        Thread.sleep(seconds * 1000L);
        long[] after = cpuTicks(pid);
        double elapsed = (System.nanoTime() - start) / 1e9;
        clock.shutdown();
        senders.shutdown();
        senders.awaitTermination(20, TimeUnit.SECONDS);
        int requests = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        double cpuMillis = (after[0] + after[1] - before[0] - before[1]) * 10.0;
        double systemMillis = (after[1] - before[1]) * 10.0;
        System.out.printf(
                "%s %s: %d requests in %.1f s, statuses %s; the service's CPU %.0f ms (%.1f %% of a core), "
                        + "%.2f CPU-ms per request (%.2f of it in the kernel)%n",
                method, uri.getPath(), requests, elapsed, statuses, cpuMillis, cpuMillis / elapsed / 10,
                cpuMillis / requests, systemMillis / requests);
    }

    /** User and system CPU of the process in clock ticks (100 a second on Linux). */
    private static long[] cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }
}
