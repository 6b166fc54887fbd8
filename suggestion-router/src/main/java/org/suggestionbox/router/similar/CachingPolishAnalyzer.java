package org.suggestionbox.router.similar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.function.Function;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's {@link PolishAnalyzer} — standard tokenizer, lower case, Polish stop words, the Stempel stemmer — with the
 * stems of up to {@value #KNOWN_WORDS} words remembered (Caffeine keeps those met most often). Stempel walks its trie
 * of word endings, a map lookup per letter, for every word of every idea, which made it the largest single cost of
 * filing an idea for search; a word met before now costs one lookup. The terms are the ones {@code PolishAnalyzer}
 * makes (words of at least {@value StempelFilter#DEFAULT_MIN_LENGTH} letters stemmed, a word Stempel has no stem for
 * left as it is), so queries and the index agree as before.
 */
final class CachingPolishAnalyzer extends StopwordAnalyzerBase {

    /** How many words' stems are kept: a company's common words; 20,000 words of 18 letters took 5 MB. */
    static final int KNOWN_WORDS = 20_000;

    private final Cache<String, String> stems =
            Caffeine.newBuilder().maximumSize(KNOWN_WORDS).build();

    CachingPolishAnalyzer() {
        super(PolishAnalyzer.getDefaultStopSet());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = new StopFilter(new LowerCaseFilter(source), stopwords);
        return new TokenStreamComponents(source, new KnownStemFilter(words));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** How many words' stems are remembered now. */
    long knownWords() {
        stems.cleanUp();
        return stems.estimatedSize();
    }

    /** {@link StempelFilter}, asking the remembered stems first; one per token stream, as its stemmer is. */
    private final class KnownStemFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final StempelStemmer stemmer = new StempelStemmer(PolishAnalyzer.getDefaultTable());

        /** {@link #stem} as the cache asks for it, made once: a method reference in the loop is an object per word. */
        private final Function<String, String> stemming = this::stem;

        KnownStemFilter(TokenStream words) {
            super(words);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() >= StempelFilter.DEFAULT_MIN_LENGTH) {
                String word = term.toString();
                String stem = stems.get(word, stemming);
                if (!stem.equals(word)) {
                    term.setEmpty().append(stem);
                }
            }
            return true;
        }

        /** Stempel's stem of {@code word}, or the word itself where it has none. */
        private String stem(String word) {
            @Nullable StringBuilder stem = stemmer.stem(word);
            return stem == null ? word : stem.toString();
        }
    }
}
