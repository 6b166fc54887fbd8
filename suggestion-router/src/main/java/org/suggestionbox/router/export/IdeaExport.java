package org.suggestionbox.router.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.Implementation;
import org.suggestionbox.router.idea.Measurement;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.Progress;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Every idea as one CSV record, streamed from a cursor over the ideas, so the export of a million
 * ideas holds one at a time. An anonymous idea's submitter column says {@value #ANONYMOUS} — not even
 * its co-submitters are named, since naming them would point at the circle it came from — and its
 * department is only the one intake recorded, never looked up. Submission is given as a day, not an
 * instant.
 */
@Service
public class IdeaExport {

    static final String ANONYMOUS = "anonymous";

    static final List<@Nullable String> HEADER = List.of(
            "id",
            "submitted",
            "title",
            "category",
            "department",
            "channel",
            "submitters",
            "state",
            "owner",
            "decision",
            "declineReason",
            "explanation",
            "nextStep",
            "progressNote",
            "impactSummary",
            "estimatedAmount",
            "estimatedUnit",
            "measuredAmount",
            "measuredUnit",
            "measuredAtDays");

    private final IdeaStore store;
    private final Directory directory;

    IdeaExport(IdeaStore store, Directory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Writes every idea to {@code out} as CSV with a header record. */
    public void write(OutputStream out) throws IOException {
        try (Stream<Idea> ideas = store.streamAll();
                Csv csv = Csv.on(out)) {
            csv.row(HEADER);
            for (Idea idea : (Iterable<Idea>) ideas::iterator) {
                csv.row(row(idea));
            }
        }
    }

    List<@Nullable String> row(Idea idea) {
        Decision decision = idea.decision();
        Progress progress = idea.progress();
        Implementation implementation = progress == null ? null : progress.implementation();
        Impact estimated = implementation == null ? null : implementation.estimated();
        Measurement latest = implementation == null ? null : implementation.latest();
        Owner owner = idea.owner();
        List<@Nullable String> cells = new ArrayList<>(HEADER.size());
        cells.add(idea.id().value().toString());
        cells.add(idea.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        cells.add(idea.title());
        cells.add(idea.category());
        cells.add(idea.department());
        cells.add(idea.channel().name());
        cells.add(submitters(idea));
        cells.add(idea.state().name());
        cells.add(owner == null ? null : owner.name());
        cells.add(decision == null ? null : decision.outcome().name());
        cells.add(
                decision == null || decision.reasonCode() == null
                        ? null
                        : Objects.requireNonNull(decision.reasonCode()).name());
        cells.add(decision == null ? null : decision.explanation());
        cells.add(decision == null ? null : decision.nextStep());
        cells.add(progress == null ? null : progress.note());
        cells.add(estimated == null ? null : estimated.summary());
        cells.add(estimated == null ? null : Csv.number(estimated.amount()));
        cells.add(estimated == null ? null : estimated.unit());
        cells.add(latest == null ? null : Csv.number(latest.measured().amount()));
        cells.add(latest == null ? null : latest.measured().unit());
        cells.add(latest == null ? null : String.valueOf(latest.checkpointDays()));
        return cells;
    }

    /** The named submitters' names, {@code ; }-separated; {@value #ANONYMOUS} for an anonymous idea. */
    private String submitters(Idea idea) {
        if (idea.isAnonymous()) {
            return ANONYMOUS;
        }
        return idea.submitters().stream()
                .map(Submitter::personId)
                .filter(Objects::nonNull)
                .map(id -> directory.find(id).map(Person::name).orElse(id))
                .collect(Collectors.joining("; "));
    }
}
