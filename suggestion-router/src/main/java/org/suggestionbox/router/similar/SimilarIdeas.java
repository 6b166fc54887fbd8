package org.suggestionbox.router.similar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Finds an idea's nearest earlier ideas by text with Lucene's MoreLikeThis: the idea's most telling
 * terms (by tf-idf over all ideas) become a query, and earlier ideas that share at least two of them are ranked by
 * BM25 against it.
 * The index lives in memory; it is rebuilt from MongoDB after the start, on a thread of its own, and each idea
 * this instance routes is added as it arrives.
 * <p>
 * The same index answers the idea wall's full-text search ({@link #search}): title and description are
 * indexed once per language the product speaks, each with the analyzer Lucene ships for it — English
 * ({@link EnglishAnalyzer}: stop words, Porter stemming), Polish ({@link PolishAnalyzer}, the Stempel
 * stemmer: "drukarki" finds "drukarka"; here as {@link CachingPolishAnalyzer}, which remembers the stems) and
 * Hebrew, for which Lucene has no analyzer, with the
 * {@link StandardAnalyzer}'s Unicode word splitting (whole words only, no prefixes or stems). That last is
 * how the similar-ideas field is analyzed already, so Hebrew searches that field rather than a copy of it:
 * each idea is analyzed three times, not four. A search matches an idea when all its words match in one of
 * the languages. The index holds ids and text only: who may see a hit is the store's to say.
 */
@Component
public class SimilarIdeas {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarIdeas.class);
    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String TEXT = "text";
    private static final String SUBMITTED_AT = "submittedAt";
    private static final String TEXT_EN = "text_en";
    private static final String TEXT_PL = "text_pl";
    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Analyzer POLISH = new CachingPolishAnalyzer();
    /** The fields indexed for a language's search alone, each with its language's analyzer. */
    private static final Map<String, Analyzer> LANGUAGES = Map.of(TEXT_EN, ENGLISH, TEXT_PL, POLISH);
    /**
     * The field searched in each language, with the analyzer it was indexed with: Hebrew's words are
     * {@link #TEXT}'s, which counts the title twice; that weighs title words more in the ranking and does not
     * change which ideas match.
     */
    private static final Map<String, Analyzer> SEARCHED =
            Map.of(TEXT_EN, ENGLISH, TEXT, new StandardAnalyzer(), TEXT_PL, POLISH);
    /** Words too common in any idea to tell two apart. */
    private static final int MIN_WORD_LENGTH = 3;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "our", "so", "such", "that", "the", "their", "then", "there", "these", "they", "this",
            "to", "was", "we", "will", "with", "would", "could", "should", "can", "more", "less", "all", "any", "idea");

    /** Every stored idea's text, read lazily (close the stream). */
    private final Supplier<Stream<IdeaStore.IdeaText>> storedTexts;

    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Open until the ideas stored before the start are all in the index. */
    private final CountDownLatch rebuilt = new CountDownLatch(1);

    private volatile boolean closing;

    /** Ideas written to the index so far. */
    private final AtomicLong written = new AtomicLong();

    /** Of those, how many the searcher has seen since its last reopen; changed under {@link #reopening}. */
    private volatile long visible;

    private final ReentrantLock reopening = new ReentrantLock();

    @Autowired
    SimilarIdeas(IdeaStore store) throws IOException {
        this(store::streamTexts);
    }

    SimilarIdeas(Supplier<Stream<IdeaStore.IdeaText>> storedTexts) throws IOException {
        this.storedTexts = storedTexts;
        this.writer =
                new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzer, LANGUAGES)));
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Reads the ideas stored before the start into the index on a thread of its own, so the router starts and
     * routes without waiting for it: with a million ideas stored the read takes minutes on this project's test
     * machine. Until it is done, similar-idea lists and searches miss the stored ideas it has not reached yet;
     * ideas routed meanwhile are added as they arrive. A read that fails (the database not answering) is tried
     * again every {@link #RETRY}.
     */
    @PostConstruct
    void startRebuild() {
        Thread.ofPlatform().name("similar-ideas-rebuild").daemon(true).start(this::rebuild);
    }

    /** How long a failed rebuild waits before it reads the stored ideas again. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private void rebuild() {
        while (!closing) {
            long started = System.nanoTime();
            try (Stream<IdeaStore.IdeaText> ideas = storedTexts.get()) {
                long count = ideas.takeWhile(idea -> !closing).peek(this::write).count();
                if (closing) {
                    return;
                }
                reopenIfAdded();
                LOG.info(
                        "Similar-ideas index built from {} ideas in {} ms",
                        count,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                rebuilt.countDown();
                return;
            } catch (IOException | RuntimeException ex) {
                if (closing) {
                    return;
                }
                LOG.warn(
                        "Similar-ideas index not rebuilt from the stored ideas, trying again in {}: {}",
                        RETRY,
                        ex.toString());
                LockSupport.parkNanos(RETRY.toNanos());
            }
        }
    }

    /** Waits up to {@code timeout} for the ideas stored before the start to be searchable; answers whether they are. */
    public boolean awaitRebuilt(Duration timeout) throws InterruptedException {
        return rebuilt.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void close() throws IOException {
        closing = true;
        searchers.close();
        writer.close();
    }

    /** Adds (or replaces) an idea in the index; the next read finds it. */
    public void add(Idea idea) {
        addAll(List.of(idea));
    }

    /**
     * Adds (or replaces) ideas in the index; the next read finds them ({@link #reopenIfAdded()}). Nothing is
     * reopened here: reopening the searcher for every idea cost more than routing it.
     */
    public void addAll(List<Idea> ideas) {
        for (Idea idea : ideas) {
            try {
                write(new IdeaStore.IdeaText(idea.id().value(), idea.title(), idea.description(), idea.submittedAt()));
            } catch (UncheckedIOException ex) {
                LOG.warn("Idea {} not added to the similar-ideas index: {}", idea.id(), ex.getMessage());
            }
        }
    }

    /**
     * Makes what was added since the last reopen searchable (near-real-time: the searcher is reopened on the
     * writer, nothing is committed; the index lives in memory and is rebuilt at start), so that the ideas of a
     * quiet stretch do not wait in the writer's buffer for a reader. Each read reopens it first when ideas were
     * added, so this runs rarely: every reopen writes what was added as a segment of its own, which later merges
     * write again — reopened every second, indexing 200 ideas a second cost about 1.7 times the CPU of indexing
     * them in larger segments.
     */
    @Scheduled(
            fixedDelayString = "${suggestionbox.router.similar.refresh-interval:10s}",
            initialDelayString = "${suggestionbox.router.similar.refresh-interval:10s}")
    void refresh() {
        try {
            reopenIfAdded();
        } catch (IOException | RuntimeException ex) {
            LOG.warn("Similar-ideas index not refreshed: {}", ex.getMessage());
        }
    }

    /**
     * Reopens the searcher when ideas were added since it was last opened, so that a read finds every idea added
     * before it; answers at once otherwise. A read after a busy second waits for that second's ideas to be written
     * as a segment (milliseconds).
     */
    private void reopenIfAdded() throws IOException {
        long wanted = written.get();
        if (visible >= wanted) {
            return;
        }
        reopening.lock();
        try {
            // a reopen that ran while this read waited may have covered it
            if (visible < wanted) {
                long covered = written.get();
                searchers.maybeRefreshBlocking();
                visible = covered;
            }
        } finally {
            reopening.unlock();
        }
    }

    /** Up to {@code limit} ideas submitted before {@code idea}, nearest first. */
    public List<SimilarIdea> similarTo(Idea idea, int limit) {
        try {
            reopenIfAdded();
            IndexSearcher searcher = searchers.acquire();
            try {
                String text = textOf(idea.title(), idea.description());
                Query like = atLeastTwoWordsOf(moreLikeThis(searcher).like(TEXT, new StringReader(text)), text);
                Query earlier = new BooleanQuery.Builder()
                        .add(like, BooleanClause.Occur.MUST)
                        .add(
                                LongPoint.newRangeQuery(
                                        SUBMITTED_AT,
                                        Long.MIN_VALUE,
                                        idea.submittedAt().toEpochMilli() - 1),
                                BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(ID, idea.id().toString())), BooleanClause.Occur.MUST_NOT)
                        .build();
                TopDocs top = searcher.search(earlier, limit);
                double self = selfScore(searcher, like, idea.id().value());
                List<SimilarIdea> similar = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document document = searcher.storedFields().document(hit.doc);
                    double score = self > 0 ? Math.min(1.0, hit.score / self) : hit.score;
                    similar.add(new SimilarIdea(
                            UUID.fromString(document.get(ID)), document.get(TITLE), Math.round(score * 100) / 100.0));
                }
                return similar;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            LOG.warn("Similar ideas for {} not found: {}", idea.id(), ex.getMessage());
            return List.of();
        }
    }

    /**
     * The ids of up to {@code limit} ideas whose title or description contains every word of
     * {@code text} in one of the languages, best match first; none when {@code text} has no word to
     * search for. The text is analyzed, never parsed as query syntax.
     */
    public List<UUID> search(String text, int limit) {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        boolean searchable = false;
        for (Map.Entry<String, Analyzer> language : SEARCHED.entrySet()) {
            Query words = new QueryBuilder(language.getValue())
                    .createBooleanQuery(language.getKey(), text, BooleanClause.Occur.MUST);
            if (words != null) {
                anyLanguage.add(words, BooleanClause.Occur.SHOULD);
                searchable = true;
            }
        }
        if (!searchable) {
            return List.of();
        }
        return ids(anyLanguage.build(), limit);
    }

    /**
     * The ids of up to {@code limit} ideas whose text is nearest to {@code text}, nearest first (a draft
     * being typed; nothing of it is kept or logged).
     */
    public List<UUID> similarToText(String text, int limit) {
        try {
            reopenIfAdded();
            IndexSearcher searcher = searchers.acquire();
            try {
                Query like = atLeastTwoWordsOf(moreLikeThis(searcher).like(TEXT, new StringReader(text)), text);
                return ids(like, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            LOG.warn("Similar ideas for a draft not found: {}", ex.getMessage());
            return List.of();
        }
    }

    private List<UUID> ids(Query query, int limit) {
        try {
            reopenIfAdded();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, limit);
                List<UUID> ids = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add(UUID.fromString(
                            searcher.storedFields().document(hit.doc).get(ID)));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            LOG.warn("Idea search failed: {}", ex.getMessage());
            return List.of();
        }
    }

    private MoreLikeThis moreLikeThis(IndexSearcher searcher) throws IOException {
        MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
        moreLikeThis.setAnalyzer(analyzer);
        moreLikeThis.setFieldNames(new String[] {TEXT});
        moreLikeThis.setMinTermFreq(1);
        moreLikeThis.setMinDocFreq(1);
        moreLikeThis.setMinWordLen(MIN_WORD_LENGTH);
        moreLikeThis.setStopWords(STOP_WORDS);
        return moreLikeThis;
    }

    /**
     * MoreLikeThis's query for {@code text}, asking an idea for at least two of its words when the text has two or
     * more: one word in common ("back" in "bike racks by the back door" and "a call-back instead of waiting on hold")
     * is a coincidence, not a likeness. The query holds only the words other ideas have, so a text whose other words
     * no idea has finds nothing, as it should.
     */
    private Query atLeastTwoWordsOf(Query like, String text) throws IOException {
        if (!(like instanceof BooleanQuery words) || tellingWords(text) < 2) {
            return like;
        }
        BooleanQuery.Builder atLeastTwo = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2);
        words.clauses().forEach(atLeastTwo::add);
        return atLeastTwo.build();
    }

    /** How many different words of {@code text} MoreLikeThis would weigh: three letters or more, no stop word. */
    private int tellingWords(String text) throws IOException {
        Set<String> words = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (word.length() >= MIN_WORD_LENGTH && !STOP_WORDS.contains(word)) {
                    words.add(word);
                }
            }
            tokens.end();
        }
        return words.size();
    }

    /** The idea's own score against its query, the yardstick that makes scores comparable. */
    private static double selfScore(IndexSearcher searcher, Query like, UUID id) throws IOException {
        Query self = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(ID, id.toString())), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(self, 1);
        return top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
    }

    private void write(IdeaStore.IdeaText idea) {
        Document document = new Document();
        document.add(new StringField(ID, idea.id().toString(), Field.Store.YES));
        document.add(new StoredField(TITLE, idea.title()));
        document.add(new TextField(TEXT, textOf(idea.title(), idea.description()), Field.Store.NO));
        String searched = idea.title() + "\n" + idea.description();
        LANGUAGES.keySet().forEach(field -> document.add(new TextField(field, searched, Field.Store.NO)));
        Instant submittedAt = idea.submittedAt();
        document.add(new LongPoint(SUBMITTED_AT, submittedAt.toEpochMilli()));
        try {
            writer.updateDocument(new Term(ID, idea.id().toString()), document);
            written.incrementAndGet();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The title counts twice: it is what the submitter thought the idea is about. */
    private static String textOf(String title, String description) {
        return title + "\n" + title + "\n" + description;
    }
}
