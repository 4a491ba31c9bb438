package ch.postwall.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ch.postwall.server.LineClient;

/**
 * The load generator, the same for every system: C concurrent plain SMTP sessions to the MX port, each
 * sending its share of the N messages one after the other in one session (EHLO, then MAIL/RCPT/DATA
 * per message, QUIT), as a sending MTA does. Every message must be answered 250.
 */
final class SmtpLoad {
    private SmtpLoad() {
    }

    /** Sends every message and returns the time from the first connection to the last 250. */
    static Duration send(int port, BenchmarkMessages messages, int count, int sessions, Duration timeout) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(sessions);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int session = 0; session < sessions; session++) {
                int first = session;
                running.add(executor.submit(() -> sendShare(port, messages, first, count, sessions)));
            }
            long deadline = start + timeout.toNanos();
            for (Future<?> session : running) {
                session.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (ExecutionException e) {
            throw new IllegalStateException("An SMTP session failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The SMTP sessions did not finish within " + timeout, e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void sendShare(int port, BenchmarkMessages messages, int first, int count, int stride) {
        try (LineClient smtp = open(port)) {
            for (int index = first; index < count; index += stride) {
                sendOne(smtp, messages, index);
            }
            smtp.smtp("QUIT");
        }
    }

    /** Opens a session to the MX port, greeted and after EHLO. */
    static LineClient open(int port) {
        LineClient smtp = new LineClient(port);
        try {
            expect(smtp.readSmtpReply(), "220", "greeting");
            expect(smtp.smtp("EHLO load.example"), "250", "EHLO");
            return smtp;
        } catch (RuntimeException e) {
            smtp.close();
            throw e;
        }
    }

    /** One transaction in an open session; returns once the message is answered 250. */
    static void sendOne(LineClient smtp, BenchmarkMessages messages, int index) {
        expect(smtp.smtp("MAIL FROM:<" + messages.sender() + ">"), "250", "MAIL FROM");
        expect(smtp.smtp("RCPT TO:<" + messages.recipient() + ">"), "250", "RCPT TO");
        expect(smtp.smtp("DATA"), "354", "DATA");
        smtp.send(messages.message(index) + ".\r\n");
        expect(smtp.readSmtpReply(), "250", "end of DATA of message " + index);
    }

    private static void expect(String reply, String code, String step) {
        if (!reply.startsWith(code)) {
            throw new IllegalStateException(step + " answered '" + reply + "', expected " + code);
        }
    }
}
