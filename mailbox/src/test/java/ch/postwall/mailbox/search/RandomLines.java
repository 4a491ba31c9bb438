package ch.postwall.mailbox.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Lines of a few words from a small vocabulary with irregular white space, and the searches to try on them. */
final class RandomLines {
    private static final String[] SPACES = {" ", "  ", "\t", " \t "};

    private final List<String> words;
    private final Random random;

    RandomLines(List<String> words, long seed) {
        this.words = words;
        this.random = new Random(seed);
    }

    /** Up to eight words, each after one of several kinds of white space (the first one only sometimes). */
    String next() {
        StringBuilder line = new StringBuilder();
        int count = random.nextInt(9);
        for (int i = 0; i < count; i++) {
            if (i > 0 || random.nextInt(4) == 0) {
                line.append(SPACES[random.nextInt(SPACES.length)]);
            }
            line.append(words.get(random.nextInt(words.size())));
        }
        return line.toString();
    }

    /** Every substring of the line as the index sees it (upper case), and of its words joined by single spaces. */
    static Set<String> queriesOn(String line) {
        Set<String> queries = new HashSet<>();
        String upper = line.toUpperCase(Locale.US);
        for (String text : List.of(upper, String.join(" ", upper.trim().split("\\s+")))) {
            for (int start = 0; start < text.length(); start++) {
                for (int end = start + 1; end <= text.length(); end++) {
                    queries.add(text.substring(start, end));
                }
            }
        }
        return queries;
    }
}
