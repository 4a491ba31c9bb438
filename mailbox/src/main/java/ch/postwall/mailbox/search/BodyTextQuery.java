package ch.postwall.mailbox.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mailbox.model.SearchQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

/**
 * The Lucene query for a body or text search on the body's positioned words ({@link BodyWordAnalyzer}), matching
 * exactly the messages James's prefix query on its runs of up to four words matched: James's term for a word was the
 * word and up to three words after it on the same line, joined by single spaces, and a search for {@code v} matched a
 * term starting with {@code v}. So {@code v} split at its spaces into {@code p0 ... pk} matches where the words
 * {@code p0 ... p(k-1)} follow each other on one line and the next word starts with {@code pk}, with at most four
 * parts. Header searches keep James's terms.
 */
final class BodyTextQuery {
    static final String BODY_FIELD = "body";
    static final String HEADERS_FIELD = "headers";
    private static final int MAX_WORDS = 4;

    private BodyTextQuery() {
    }

    /** Whether the criterion reads the body, which this query answers in place of James's. */
    static boolean handles(SearchQuery.TextCriterion criterion) {
        return criterion.getType() == SearchQuery.Scope.BODY || criterion.getType() == SearchQuery.Scope.FULL;
    }

    static Query of(IndexReader reader, SearchQuery.TextCriterion criterion) throws IOException {
        String value = criterion.getOperator().getValue().toUpperCase(Locale.US);
        Query body = body(reader, value);
        if (criterion.getType() == SearchQuery.Scope.BODY) {
            return body;
        }
        BooleanQuery bodyOrHeaders = new BooleanQuery();
        bodyOrHeaders.add(body, BooleanClause.Occur.SHOULD);
        bodyOrHeaders.add(new PrefixQuery(new Term(HEADERS_FIELD, value)), BooleanClause.Occur.SHOULD);
        return bodyOrHeaders;
    }

    static Query body(IndexReader reader, String upperCaseValue) throws IOException {
        String[] parts = upperCaseValue.split(" ", -1);
        if (parts.length == 1) {
            return new PrefixQuery(new Term(BODY_FIELD, upperCaseValue));
        }
        if (parts.length > MAX_WORDS || upperCaseValue.chars().anyMatch(c -> c != ' ' && Character.isWhitespace(c))) {
            return nothing();
        }
        MultiPhraseQuery phrase = new MultiPhraseQuery();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                return nothing();
            }
            phrase.add(new Term(BODY_FIELD, parts[i]));
        }
        Term[] lastWords = wordsStartingWith(reader, parts[parts.length - 1]);
        if (lastWords.length == 0) {
            return nothing();
        }
        phrase.add(lastWords);
        return phrase;
    }

    private static Term[] wordsStartingWith(IndexReader reader, String prefix) throws IOException {
        List<Term> words = new ArrayList<>();
        TermEnum terms = reader.terms(new Term(BODY_FIELD, prefix));
        try {
            do {
                Term term = terms.term();
                if (term == null || !term.field().equals(BODY_FIELD) || !term.text().startsWith(prefix)) {
                    break;
                }
                words.add(term);
            } while (terms.next());
        } finally {
            terms.close();
        }
        return words.toArray(Term[]::new);
    }

    /** Matches no document, also as a clause of a negation. */
    static Query nothing() {
        return new BooleanQuery();
    }
}
