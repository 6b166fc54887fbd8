package org.suggestionbox.router.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The remembered stems give the terms Lucene's own Polish analyzer gives, the first time and every time after. */
class CachingPolishAnalyzerTests {

    private static final List<String> TEXTS = List.of(
            "Nowa drukarka na drugim piętrze; stara drukarka ciągle się zacina.",
            "Proponuję kupić nową drukarkę albo podpisać umowę serwisową, żeby pracownicy nie tracili czasu.",
            "Rowery: stojaki przy tylnym wejściu, bo rowerów jest coraz więcej. Kot, pies, oś, ul.",
            "Recycling bins by the printers; paper waste piles up next to them.",
            "מדפסת חדשה בקומה השנייה, A4 i 2026-12-07 też.");

    private final Analyzer lucene = new PolishAnalyzer();

    private final CachingPolishAnalyzer caching = new CachingPolishAnalyzer();

    @Test
    void termsAreLucenesFirstAndAgain() throws IOException {
        for (int round = 1; round <= 2; round++) {
            for (String text : TEXTS) {
                assertThat(terms(caching, text)).as("round %d: %s", round, text).isEqualTo(terms(lucene, text));
            }
        }
        assertThat(terms(caching, "drukarki")).hasSize(1).isEqualTo(terms(caching, "drukarka"));
    }

    @Test
    void searchWordsAreNormalizedAsLucenesAre() {
        assertThat(caching.normalize("text_pl", "DRUKARKA Żółw"))
                .isEqualTo(lucene.normalize("text_pl", "DRUKARKA Żółw"));
    }

    @Test
    void rememberedWordsAreBounded() throws IOException {
        int words = CachingPolishAnalyzer.KNOWN_WORDS + 5_000;
        terms(
                caching,
                String.join(
                        " ",
                        IntStream.range(0, words).mapToObj(n -> "słowo" + n).toList()));

        assertThat(caching.knownWords()).isPositive().isLessThanOrEqualTo(CachingPolishAnalyzer.KNOWN_WORDS);
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text_pl", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
