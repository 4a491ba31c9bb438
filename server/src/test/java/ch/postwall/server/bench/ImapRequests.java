package ch.postwall.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * IMAP request latencies on a mailbox filled by the benchmark: R times, on a random message (fixed
 * seed), FETCH of the full message, SEARCH on its subject token and SEARCH on its body token.
 */
final class ImapRequests {
    final Latencies fetch;
    final Latencies searchHeader;
    final Latencies searchBody;
    final int wrongSearchAnswers;

    private ImapRequests(Latencies fetch, Latencies searchHeader, Latencies searchBody, int wrongSearchAnswers) {
        this.fetch = fetch;
        this.searchHeader = searchHeader;
        this.searchBody = searchBody;
        this.wrongSearchAnswers = wrongSearchAnswers;
    }

    static ImapRequests measure(ImapSession imap, int messages, int requests) {
        imap.command("EXAMINE INBOX");
        Latencies fetch = new Latencies(requests);
        Latencies searchHeader = new Latencies(requests);
        Latencies searchBody = new Latencies(requests);
        int wrongAnswers = 0;
        Random random = new Random(42);
        for (int request = 0; request < requests; request++) {
            int index = random.nextInt(messages);
            fetch.record(timed(imap, "FETCH " + (index + 1) + " BODY.PEEK[]"));
            List<String> header = new ArrayList<>();
            searchHeader.record(timed(imap, "SEARCH HEADER Subject \"" + BenchmarkMessages.subjectToken(index) + "\"", header));
            List<String> body = new ArrayList<>();
            searchBody.record(timed(imap, "SEARCH BODY \"" + BenchmarkMessages.bodyToken(index) + "\"", body));
            wrongAnswers += hits(header) == 1 ? 0 : 1;
            wrongAnswers += hits(body) == 1 ? 0 : 1;
        }
        return new ImapRequests(fetch, searchHeader, searchBody, wrongAnswers);
    }

    private static long timed(ImapSession imap, String command) {
        return timed(imap, command, new ArrayList<>());
    }

    private static long timed(ImapSession imap, String command, List<String> response) {
        long start = System.nanoTime();
        response.addAll(imap.command(command));
        return System.nanoTime() - start;
    }

    /** Each message carries its tokens once, so a correct SEARCH answers exactly one message number. */
    static int hits(List<String> response) {
        return response.stream()
            .filter(line -> line.startsWith("* SEARCH"))
            .map(line -> line.substring("* SEARCH".length()).trim())
            .mapToInt(numbers -> numbers.isEmpty() ? 0 : numbers.split(" ").length)
            .sum();
    }
}
