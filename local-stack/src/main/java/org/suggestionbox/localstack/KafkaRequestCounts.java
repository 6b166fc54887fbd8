package org.suggestionbox.localstack;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The requests a Kafka broker has handled, by kind, as the broker's own request metrics count them
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec}, all versions of a kind together; fetches as
 * consumers' and followers', not again as their sum). Read from the broker's process through the JDK's attach API
 * and its local management agent, so the broker needs no JMX port. Like the MongoDB-wire server's
 * {@link OperationCounts}, the difference between two reads divided by the ideas between them is a figure no other
 * process on a busy machine moves.
 */
final class KafkaRequestCounts {

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";

    /** Every fetch counted again: the broker counts each also as a {@code FetchConsumer} or a {@code FetchFollower}. */
    private static final String ALL_FETCHES = "Fetch";

    private KafkaRequestCounts() {}

    /** The counts so far of the broker running as process {@code pid}, by request kind, in name order. */
    @SuppressWarnings("BanJNDI") // JMX over RMI deserializes what it receives: from a broker this stack launched
    static Map<String, Long> read(long pid) {
        try {
            VirtualMachine broker = VirtualMachine.attach(Long.toString(pid));
            try (JMXConnector connector =
                    JMXConnectorFactory.connect(new JMXServiceURL(broker.startLocalManagementAgent()))) {
                return counts(connector.getMBeanServerConnection());
            } finally {
                broker.detach();
            }
        } catch (AttachNotSupportedException | JMException ex) {
            throw new IllegalStateException("The Kafka broker's request counts cannot be read: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, Long> counts(MBeanServerConnection server) throws IOException, JMException {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName(REQUESTS), null)) {
            String kind = name.getKeyProperty("request");
            if (!ALL_FETCHES.equals(kind)) {
                long count = ((Number) server.getAttribute(name, "Count")).longValue();
                counts.merge(kind, count, Long::sum);
            }
        }
        return counts;
    }
}
