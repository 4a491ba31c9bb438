package ch.postwall.filter.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** ClamAV's clamd, spoken with zINSTREAM: 4-byte big-endian chunk lengths, a zero length ends the stream. */
public class ClamdClient implements VirusScanner {
    private static final String DAEMON = "clamd";
    private static final int CHUNK_SIZE = 64 * 1024;
    private static final int MAX_REPLY_BYTES = 4096;
    private static final String OK_REPLY = "stream: OK";
    private static final String FOUND_SUFFIX = " FOUND";
    private static final String STREAM_PREFIX = "stream: ";

    private final ScannerEndpoint endpoint;

    public ClamdClient(ScannerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public VirusResult scan(byte[] rawMessage) throws ScannerUnavailableException {
        try (Socket socket = endpoint.connect(DAEMON)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < rawMessage.length; offset += CHUNK_SIZE) {
                int length = Math.min(CHUNK_SIZE, rawMessage.length - offset);
                out.writeInt(length);
                out.write(rawMessage, offset, length);
            }
            out.writeInt(0);
            out.flush();
            return parse(readReply(socket.getInputStream()));
        } catch (IOException e) {
            throw new ScannerUnavailableException(DAEMON + " at " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    static VirusResult parse(String reply) throws ScannerUnavailableException {
        if (reply.equals(OK_REPLY)) {
            return VirusResult.CLEAN;
        }
        if (reply.startsWith(STREAM_PREFIX) && reply.endsWith(FOUND_SUFFIX)) {
            return VirusResult.infected(reply.substring(STREAM_PREFIX.length(), reply.length() - FOUND_SUFFIX.length()));
        }
        // e.g. "INSTREAM size limit exceeded. ERROR": the message was not scanned.
        throw new ScannerUnavailableException("clamd did not scan the message: " + reply);
    }

    /** clamd ends its reply with NUL on z-prefixed commands. */
    private static String readReply(InputStream in) throws IOException, ScannerUnavailableException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            reply.write(b);
            if (reply.size() > MAX_REPLY_BYTES) {
                throw new ScannerUnavailableException("clamd reply exceeds " + MAX_REPLY_BYTES + " bytes");
            }
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }
}
