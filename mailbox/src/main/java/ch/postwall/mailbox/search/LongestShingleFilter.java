package ch.postwall.mailbox.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One token per input token: it and the tokens after it, up to {@code maxWords} in all, joined by a space (fewer at
 * the end of the stream). "A B C D E" with 4 words gives "A B C D", "B C D E", "C D E", "D E", "E".
 */
final class LongestShingleFilter extends TokenFilter {
    private static final char SEPARATOR = ' ';

    private final int maxWords;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Deque<Word> window = new ArrayDeque<>();
    private boolean inputExhausted;

    private record Word(String text, int startOffset, int endOffset) {
    }

    LongestShingleFilter(TokenStream input, int maxWords) {
        super(input);
        this.maxWords = maxWords;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (!inputExhausted && window.size() < maxWords) {
            if (input.incrementToken()) {
                window.addLast(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
            } else {
                inputExhausted = true;
            }
        }
        if (window.isEmpty()) {
            return false;
        }
        clearAttributes();
        int endOffset = 0;
        for (Word word : window) {
            if (term.length() > 0) {
                term.append(SEPARATOR);
            }
            term.append(word.text());
            endOffset = word.endOffset();
        }
        offset.setOffset(window.removeFirst().startOffset(), endOffset);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        window.clear();
        inputExhausted = false;
    }
}
