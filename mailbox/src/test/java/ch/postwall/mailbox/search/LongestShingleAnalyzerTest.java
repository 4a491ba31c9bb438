package ch.postwall.mailbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.james.mailbox.lucene.search.LenientImapSearchAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class LongestShingleAnalyzerTest {
    private static final List<String> LINES = List.of(
        "Hello brave new world of mail",
        "one",
        "",
        "   leading and  double  spaces\ttab ",
        "FROM: <Alice@Example.org> Re: Meeting tomorrow at 10:00",
        "Grüße aus Zürich, çà et là — ünïcödé words",
        "a b c d e f g h i j k l m n o p",
        "ab a abc ab a abc ab");
    private static final List<String> WORDS = List.of("a", "ab", "abc", "b", "ba", "mail", "MAIL", "mailbox", "x-y", "ü", "1");

    private final Analyzer james = new LenientImapSearchAnalyzer();
    private final Analyzer longest = new LongestShingleAnalyzer();

    @Test
    void prefixAndSubstringQueriesShouldMatchExactlyWhenTheyMatchJamesTokens() throws IOException {
        RandomLines random = new RandomLines(WORDS, 7);
        List<String> lines = new ArrayList<>(LINES);
        for (int i = 0; i < 300; i++) {
            lines.add(random.next());
        }
        int queries = 0;
        for (String line : lines) {
            List<String> jamesTokens = terms(james.tokenStream("body", new StringReader(line)));
            List<String> ourTokens = terms(longest.reusableTokenStream("body", new StringReader(line)));
            assertThat(jamesTokens).as(line).containsAll(ourTokens);
            Set<String> onLine = RandomLines.queriesOn(line);
            onLine.add("NOT THERE");
            for (String query : onLine) {
                assertThat(anyStartsWith(ourTokens, query)).as("prefix '%s' in '%s'", query, line)
                    .isEqualTo(anyStartsWith(jamesTokens, query));
                assertThat(anyContains(ourTokens, query)).as("substring '%s' in '%s'", query, line)
                    .isEqualTo(anyContains(jamesTokens, query));
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(10_000);
    }

    @Test
    void eachWordShouldGiveOneTokenOfItAndUpToThreeWordsAfterIt() throws IOException {
        TokenStream stream = longest.reusableTokenStream("body", new StringReader("please  meet me\ttomorrow at ten"));
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        List<String> tokens = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            tokens.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
        }
        stream.end();
        stream.close();

        assertThat(tokens).containsExactly("PLEASE MEET ME TOMORROW[0,24]", "MEET ME TOMORROW AT[8,27]",
            "ME TOMORROW AT TEN[13,31]", "TOMORROW AT TEN[16,31]", "AT TEN[25,31]", "TEN[28,31]");
    }

    @Test
    void aReusedStreamShouldNotCarryWordsIntoTheNextField() throws IOException {
        assertThat(terms(longest.reusableTokenStream("body", new StringReader("one two")))).containsExactly("ONE TWO", "TWO");
        assertThat(terms(longest.reusableTokenStream("body", new StringReader("three")))).containsExactly("THREE");
    }

    private static boolean anyStartsWith(List<String> tokens, String query) {
        return tokens.stream().anyMatch(token -> token.startsWith(query));
    }

    private static boolean anyContains(List<String> tokens, String query) {
        return tokens.stream().anyMatch(token -> token.contains(query));
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        List<String> terms = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            terms.add(term.toString());
        }
        stream.end();
        stream.close();
        return terms;
    }
}
