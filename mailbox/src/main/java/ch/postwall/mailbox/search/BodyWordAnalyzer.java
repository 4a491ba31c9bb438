package ch.postwall.mailbox.search;

import java.io.Reader;

import org.apache.james.mailbox.lucene.search.UpperCaseFilter;
import org.apache.lucene.analysis.ReusableAnalyzerBase;
import org.apache.lucene.analysis.WhitespaceTokenizer;
import org.apache.lucene.util.Version;

/**
 * The body's words, split on white space and upper-cased as James's analyser splits them, one token per word with its
 * position: {@link BodyTextQuery} finds a phrase from the positions, where James indexed every run of up to four
 * words as a term of its own. Nearly every such run is a distinct term, so a segment held about as many terms as
 * words; single words repeat, which makes flushing and merging segments several times cheaper.
 * <p>
 * James adds each line of a body as a value of its own: a gap between values keeps a phrase within one line, as
 * James's runs of words were.
 */
public final class BodyWordAnalyzer extends ReusableAnalyzerBase {
    private static final int GAP_BETWEEN_LINES = 1;

    @Override
    protected TokenStreamComponents createComponents(String fieldName, Reader reader) {
        WhitespaceTokenizer words = new WhitespaceTokenizer(Version.LUCENE_31, reader);
        return new TokenStreamComponents(words, new UpperCaseFilter(words));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_LINES;
    }
}
