package ch.postwall.filter.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SpamAssassin's spamd, spoken over its SPAMC/1.5 text protocol with the SYMBOLS command. */
public class SpamdClient implements SpamScanner {
    private static final String DAEMON = "spamd";
    private static final Pattern STATUS = Pattern.compile("^SPAMD/\\d+\\.\\d+ (\\d+) (.*)$");
    private static final Pattern SPAM_HEADER = Pattern.compile(
        "^Spam: *(True|False|Yes|No) *; *(-?[0-9.]+) */ *(-?[0-9.]+) *$", Pattern.CASE_INSENSITIVE);
    // Bounds what a misbehaving peer can make us buffer.
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final ScannerEndpoint endpoint;

    public SpamdClient(ScannerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public SpamResult check(byte[] rawMessage) throws ScannerUnavailableException {
        try (Socket socket = endpoint.connect(DAEMON)) {
            OutputStream out = socket.getOutputStream();
            out.write(("SYMBOLS SPAMC/1.5\r\nContent-length: " + rawMessage.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(rawMessage);
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new ScannerUnavailableException(DAEMON + " at " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    static SpamResult parse(String response) throws ScannerUnavailableException {
        String[] headerAndBody = response.split("\r\n\r\n", 2);
        List<String> headerLines = Arrays.asList(headerAndBody[0].split("\r\n"));
        Matcher status = STATUS.matcher(headerLines.get(0));
        if (!status.matches()) {
            throw new ScannerUnavailableException("spamd answered an unknown status line: " + abbreviate(headerLines.get(0)));
        }
        if (!status.group(1).equals("0")) {
            throw new ScannerUnavailableException("spamd reported an error: " + abbreviate(headerLines.get(0)));
        }
        Matcher spam = headerLines.stream()
            .map(SPAM_HEADER::matcher)
            .filter(Matcher::matches)
            .findFirst()
            .orElseThrow(() -> new ScannerUnavailableException("spamd answer lacks a Spam header"));
        List<String> symbols = headerAndBody.length < 2 ? List.of() : Arrays.stream(headerAndBody[1].trim().split(","))
            .map(String::trim)
            .filter(symbol -> !symbol.isEmpty())
            .toList();
        return new SpamResult(Double.parseDouble(spam.group(2)), Double.parseDouble(spam.group(3)), Optional.empty(), symbols);
    }

    private static String readAll(InputStream in) throws IOException, ScannerUnavailableException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, read);
            if (buffer.size() > MAX_RESPONSE_BYTES) {
                throw new ScannerUnavailableException("spamd answer exceeds " + MAX_RESPONSE_BYTES + " bytes");
            }
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
