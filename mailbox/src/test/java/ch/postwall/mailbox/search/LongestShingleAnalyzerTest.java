package ch.postwall.mailbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.mailbox.lucene.search.LenientImapSearchAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

class ReusableImapSearchAnalyzerTest {
    private static final List<String> LINES = List.of(
        "Hello brave new world of mail",
        "one",
        "",
        "   leading and  double  spaces\ttab ",
        "FROM: <Alice@Example.org> Re: Meeting tomorrow at 10:00",
        "Grüße aus Zürich, çà et là — ünïcödé words",
        "a b c d e f g h i j k l m n o p");

    private final Analyzer james = new LenientImapSearchAnalyzer();
    private final Analyzer reusable = new ReusableImapSearchAnalyzer();

    @Test
    void tokensShouldBeJamesTokensForEveryLineInTurn() throws IOException {
        int compared = 0;
        for (String line : LINES) {
            List<String> expected = tokens(james.tokenStream("body", new StringReader(line)));
            assertThat(tokens(reusable.reusableTokenStream("body", new StringReader(line)))).as(line).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void aPhraseShouldBeOneOfTheTokens() throws IOException {
        assertThat(tokens(reusable.reusableTokenStream("body", new StringReader("please meet me tomorrow"))))
            .contains("MEET ME TOMORROW@+0[7,23]shingle", "PLEASE@+1[0,6]word");
    }

    /** Each token with what the index keeps of it: text, position increment, offsets, type. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        TypeAttribute type = stream.addAttribute(TypeAttribute.class);
        List<String> tokens = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            tokens.add(term + "@+" + increment.getPositionIncrement() + "[" + offset.startOffset() + "," + offset.endOffset() + "]"
                + type.type());
        }
        stream.end();
        stream.close();
        return tokens;
    }
}
