package ch.postwall.mailbox.search;

import java.io.Reader;

import org.apache.james.mailbox.lucene.search.LenientImapSearchAnalyzer;
import org.apache.james.mailbox.lucene.search.UpperCaseFilter;
import org.apache.lucene.analysis.ReusableAnalyzerBase;
import org.apache.lucene.analysis.WhitespaceTokenizer;
import org.apache.lucene.util.Version;

/**
 * Finds what James's {@link LenientImapSearchAnalyzer} finds, from a quarter of the tokens. James's analyser gives
 * each word (split on white space, upper-cased) and the shingles of 2 to 4 words starting at it, so that its prefix
 * (or, with suffix matching, substring) queries match a phrase. Every one of those tokens is a prefix of the longest
 * of them, the shingle of up to 4 words starting at the same word, so a prefix or substring query matches that one
 * whenever it matches any of them: this analyser gives only the longest ({@link LongestShingleFilter}). Fewer and
 * less distinct terms make indexing, flushing and merging several times cheaper; documents indexed with James's
 * tokens are still found the same way.
 * <p>
 * The chain of filters is built once per thread and reused for every field (James's index adds a field per header
 * and per address). Bodies are indexed by {@link BodyWordAnalyzer}.
 */
public final class LongestShingleAnalyzer extends ReusableAnalyzerBase {
    @Override
    protected TokenStreamComponents createComponents(String fieldName, Reader reader) {
        WhitespaceTokenizer words = new WhitespaceTokenizer(Version.LUCENE_31, reader);
        return new TokenStreamComponents(words,
            new LongestShingleFilter(new UpperCaseFilter(words), LenientImapSearchAnalyzer.DEFAULT_MAX_TOKEN_LENGTH));
    }
}
