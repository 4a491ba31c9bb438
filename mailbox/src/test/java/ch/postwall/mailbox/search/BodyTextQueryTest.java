package ch.postwall.mailbox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.james.mailbox.lucene.search.LenientImapSearchAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.RAMDirectory;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same bodies in two indexes, James's (runs of up to four words, prefix query) and ours (positioned words,
 * {@link BodyTextQuery}): every search must find the same bodies in both.
 */
class BodyTextQueryTest {
    private static final List<String> WORDS = List.of("a", "ab", "abc", "b", "ba", "mail", "MAIL", "mailbox", "x-y", "ü", "1",
        "straße", "ab,");

    private final List<List<String>> bodies = new ArrayList<>();
    private IndexSearcher james;
    private IndexSearcher ours;

    @BeforeEach
    void indexRandomBodies() throws IOException {
        Random random = new Random(11);
        RandomLines randomLines = new RandomLines(WORDS, 11);
        bodies.add(List.of("Hello brave new world of mail", "one two three four five"));
        bodies.add(List.of("end of a line", "next line starts here"));
        bodies.add(List.of("", "   leading and  double  spaces\ttab "));
        for (int i = 0; i < 150; i++) {
            List<String> lines = new ArrayList<>();
            for (int line = random.nextInt(3) + 1; line > 0; line--) {
                lines.add(randomLines.next());
            }
            bodies.add(lines);
        }
        james = searcher(new LenientImapSearchAnalyzer());
        ours = searcher(new BodyWordAnalyzer());
    }

    @AfterEach
    void close() throws IOException {
        james.getIndexReader().close();
        ours.getIndexReader().close();
    }

    @Test
    void everySearchShouldFindTheBodiesJamesFinds() throws IOException {
        Set<String> queries = new TreeSet<>();
        for (List<String> lines : bodies) {
            lines.forEach(line -> queries.addAll(RandomLines.queriesOn(line)));
            // across a line break: never a match in James's index
            queries.add(lastWords(lines.get(0)) + " " + firstWord(lines.get(lines.size() - 1)));
        }
        queries.addAll(List.of("", " ", "A ", "A B C D E", "ONE TWO THREE FOUR", "ONE TWO THREE FOUR FIVE", "LINE NEXT",
            "OF A LINE", "NOT THERE", "A\tB", "MAIL  MAIL"));
        int matching = 0;
        for (String query : queries) {
            Set<Integer> found = hits(ours, BodyTextQuery.body(ours.getIndexReader(), query));
            assertThat(found).as("'%s'", query).isEqualTo(hits(james, new PrefixQuery(new Term(BodyTextQuery.BODY_FIELD, query))));
            matching += found.isEmpty() ? 0 : 1;
        }
        assertThat(queries).hasSizeGreaterThan(10_000);
        // most substrings start inside a word, which a prefix search never finds
        assertThat(matching).isGreaterThan(2_000);
    }

    @Test
    void aPhraseShouldNotRunAcrossLines() throws IOException {
        assertThat(hits(ours, BodyTextQuery.body(ours.getIndexReader(), "LINE NEXT"))).isEmpty();
        assertThat(hits(ours, BodyTextQuery.body(ours.getIndexReader(), "OF A LINE"))).containsExactly(1);
        assertThat(hits(ours, BodyTextQuery.body(ours.getIndexReader(), "ONE TWO THREE FO"))).containsExactly(0);
    }

    private IndexSearcher searcher(Analyzer analyzer) throws IOException {
        RAMDirectory directory = new RAMDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Version.LUCENE_31, analyzer));
        for (List<String> lines : bodies) {
            Document document = new Document();
            // as James adds a body: a value per line, upper-cased
            for (String line : lines) {
                document.add(new Field(BodyTextQuery.BODY_FIELD, line.toUpperCase(Locale.US), Field.Store.NO, Field.Index.ANALYZED));
            }
            writer.addDocument(document);
        }
        writer.close();
        return new IndexSearcher(IndexReader.open(directory));
    }

    private static Set<Integer> hits(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> documents = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, 10_000).scoreDocs) {
            documents.add(hit.doc);
        }
        return documents;
    }

    private static String lastWords(String line) {
        String[] words = line.toUpperCase(Locale.US).trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String firstWord(String line) {
        return line.toUpperCase(Locale.US).trim().split("\\s+")[0];
    }
}
