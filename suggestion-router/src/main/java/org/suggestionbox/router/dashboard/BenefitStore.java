package org.suggestionbox.router.dashboard;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.Impact;

/**
 * The benefit roll-up: {@code dashboard_benefit} holds one small line per implemented idea — its
 * department, the estimated benefit and the latest measured one, amounts as exact decimals
 * (Decimal128) — and the dashboard sums the lines by department and unit.
 * <p>
 * A line is set, never incremented, so applying an event twice, or replaying every event of an idea
 * in any order, leaves the same line: the estimate is the implementation's, and a measurement replaces
 * the line's only when it happened later than the one it holds. "Measured" is therefore the latest
 * measurement per idea — an idea measured at 30 and at 90 days counts once, with its 90-day figure —
 * and never a sum of an idea's successive measurements.
 */
@Component
class BenefitStore {

    static final String COLLECTION = "dashboard_benefit";

    private final MongoTemplate mongo;

    BenefitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The change one event makes to an idea's line. */
    sealed interface Line permits Estimated, Measured {
        UUID ideaId();
    }

    /** The idea was implemented with this estimated benefit. */
    record Estimated(UUID ideaId, String department, Impact impact, UUID eventId) implements Line {}

    /** The owner measured this benefit at {@code at}. */
    record Measured(UUID ideaId, String department, Impact impact, Instant at, UUID eventId) implements Line {}

    /** Applies the lines' changes in one unordered bulk write. */
    void apply(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(lines.size());
        for (Line line : lines) {
            writes.add(
                    switch (line) {
                        case Estimated estimated ->
                            new UpdateOneModel<>(
                                    Filters.eq("_id", estimated.ideaId()),
                                    Updates.combine(
                                            Updates.set("department", estimated.department()),
                                            Updates.set(
                                                    "estimated",
                                                    amount(estimated.impact(), estimated.eventId(), null))),
                                    new UpdateOptions().upsert(true));
                        case Measured measured ->
                            new UpdateOneModel<>(
                                    // only a later measurement replaces the one kept
                                    Filters.and(
                                            Filters.eq("_id", measured.ideaId()),
                                            Filters.or(
                                                    Filters.exists("measured.at", false),
                                                    Filters.lt("measured.at", Date.from(measured.at())))),
                                    Updates.combine(
                                            Updates.set("department", measured.department()),
                                            Updates.set(
                                                    "measured",
                                                    amount(measured.impact(), measured.eventId(), measured.at()))),
                                    new UpdateOptions().upsert(true));
                    });
        }
        try {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            // the line exists with a later measurement: the upsert tried to insert a second one
            for (BulkWriteError error : ex.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw ex;
                }
            }
        }
    }

    private static Document amount(Impact impact, UUID eventId, @Nullable Instant at) {
        Document document = new Document("unit", impact.unit())
                .append("amount", new Decimal128(impact.amount()))
                .append("eventId", eventId.toString());
        if (at != null) {
            document.append("at", Date.from(at));
        }
        return document;
    }

    /**
     * The benefit by department and unit, sorted by both: estimated over the ideas implemented with an
     * estimate in that unit, measured over the latest measurement of each idea measured in it. Reads
     * one small line per implemented idea, with only the fields summed.
     */
    List<Dashboard.Benefit> byDepartmentAndUnit() {
        Map<List<String>, Sums> sums = new TreeMap<>((a, b) -> {
            int department = a.get(0).compareTo(b.get(0));
            return department != 0 ? department : a.get(1).compareTo(b.get(1));
        });
        for (Document line : mongo.getCollection(COLLECTION)
                .find()
                .projection(Projections.include(
                        "department", "estimated.unit", "estimated.amount", "measured.unit", "measured.amount"))) {
            String department = String.valueOf(line.getString("department"));
            Document estimated = line.get("estimated", Document.class);
            if (estimated != null) {
                sums.computeIfAbsent(
                                List.of(department, String.valueOf(estimated.getString("unit"))), key -> new Sums())
                        .addEstimated(decimal(estimated.get("amount")));
            }
            Document measured = line.get("measured", Document.class);
            if (measured != null) {
                sums.computeIfAbsent(List.of(department, String.valueOf(measured.getString("unit"))), key -> new Sums())
                        .addMeasured(decimal(measured.get("amount")));
            }
        }
        List<Dashboard.Benefit> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(new Dashboard.Benefit(
                key.get(0), key.get(1), sum.estimatedIdeas, sum.estimated, sum.measuredIdeas, sum.measured)));
        return rows;
    }

    private static BigDecimal decimal(@Nullable Object amount) {
        return switch (amount) {
            case Decimal128 decimal -> decimal.bigDecimalValue();
            case String text -> new BigDecimal(text);
            case Number number -> new BigDecimal(number.toString());
            case null, default -> BigDecimal.ZERO;
        };
    }

    private static final class Sums {
        private long estimatedIdeas;
        private BigDecimal estimated = BigDecimal.ZERO;
        private long measuredIdeas;
        private BigDecimal measured = BigDecimal.ZERO;

        void addEstimated(BigDecimal amount) {
            estimatedIdeas++;
            estimated = estimated.add(amount);
        }

        void addMeasured(BigDecimal amount) {
            measuredIdeas++;
            measured = measured.add(amount);
        }
    }
}
