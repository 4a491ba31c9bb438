package ch.postwall.mailbox.queue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MimeMessageSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingOutputStream;

/**
 * The directory of one {@link FileMailQueue}: a file per queued mail, named after its place in the queue. A file is
 * <pre>
 *   "PWMQ" | version (1 byte) | envelope length (int) | envelope (JSON) | message | message length (long)
 *   | CRC-32C of everything before | "END!"
 * </pre>
 * It is written in full and synced, with its directory, before {@link #write} returns: the SMTP server answers 250 only
 * then. A crash while writing leaves a file without its end, which was never acknowledged: {@link #recover} deletes it.
 * A file whose checksum does not match when it is read was damaged on disk: it is moved to {@code damaged/} for an
 * administrator, with an error in the log, rather than delivered corrupted or silently lost.
 */
final class QueuedMailFiles {
    private static final Logger LOGGER = LoggerFactory.getLogger(QueuedMailFiles.class);
    private static final int MAGIC = 0x50574d51;
    private static final int END = 0x454e4421;
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = Integer.BYTES + 1 + Integer.BYTES;
    private static final int TRAILER_BYTES = Long.BYTES + Integer.BYTES + Integer.BYTES;
    private static final String SUFFIX = ".mail";
    private static final String DAMAGED = "damaged";
    /** Read into memory when dequeued; a larger message is read from its file as it is used. */
    static final long IN_MEMORY_LIMIT = 1024 * 1024;
    /** A typical mail in one or two writes, without a large buffer to collect for each. */
    private static final int WRITE_BUFFER_BYTES = 16 * 1024;

    private final Path directory;
    private final DirectorySync directorySync;

    QueuedMailFiles(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.directorySync = new DirectorySync(directory);
    }

    QueuedMail write(long sequence, int priority, long dueMillis, Mail mail) throws IOException, MessagingException {
        byte[] envelope = QueuedMailEnvelope.encode(mail, priority, dueMillis);
        Path file = directory.resolve(String.format("%016x%s", sequence, SUFFIX));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), WRITE_BUFFER_BYTES);
            CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32C());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(envelope.length);
            out.write(envelope);
            CountingOutputStream message = new CountingOutputStream(out);
            if (mail.getMessage() != null) {
                mail.getMessage().writeTo(message);
            }
            out.writeLong(message.getCount());
            out.flush();
            DataOutputStream end = new DataOutputStream(buffered);
            end.writeInt((int) checked.getChecksum().getValue());
            end.writeInt(END);
            end.flush();
            channel.force(false);
        } catch (IOException | MessagingException | RuntimeException e) {
            deleteQuietly(file, e);
            throw e;
        }
        directorySync.sync();
        return new QueuedMail(file, sequence, priority, dueMillis, mail.getName(), mail.getMaybeSender().asString(),
            mail.getRecipients().stream().map(MailAddress::asString).toList());
    }

    /**
     * The queued mail, with its message; {@link DamagedQueueFileException} when the file fails its checksum or its
     * envelope cannot be read (the file is then moved aside).
     */
    Mail read(QueuedMail queued) throws IOException {
        try (FileChannel channel = FileChannel.open(queued.file, StandardOpenOption.READ)) {
            Layout layout = Layout.of(channel);
            if (layout == null) {
                throw damaged(queued.file, "it is incomplete");
            }
            if (layout.size <= IN_MEMORY_LIMIT) {
                byte[] bytes = new byte[Math.toIntExact(layout.size)];
                readFully(channel, ByteBuffer.wrap(bytes), 0);
                if (crc(bytes, layout) != layout.crc) {
                    throw damaged(queued.file, "its checksum does not match");
                }
                MimeMessageSource message = new InMemorySource(queued.file.getFileName().toString(), bytes, layout.messageOffset(),
                    layout.messageLength);
                return mail(queued, () -> QueuedMailEnvelope.decode(bytes, HEADER_BYTES, layout.envelopeLength), message);
            }
            if (crc(channel, layout) != layout.crc) {
                throw damaged(queued.file, "its checksum does not match");
            }
            MimeMessageSource message = new FileRegionSource(queued.file, layout.messageOffset(), layout.messageLength);
            return mail(queued, () -> envelope(channel, layout), message);
        }
    }

    private interface EnvelopeReader {
        QueuedMailEnvelope read() throws IOException;
    }

    private Mail mail(QueuedMail queued, EnvelopeReader envelope, MimeMessageSource message) throws IOException {
        try {
            return envelope.read().mail(new MimeMessageWrapper(message));
        } catch (MessagingException | JsonProcessingException | RuntimeException e) {
            throw damaged(queued.file, "its envelope cannot be read: " + e);
        }
    }

    void delete(QueuedMail queued) throws IOException {
        Files.deleteIfExists(queued.file);
    }

    /** The mails of this directory, left by an earlier run; incomplete files (never acknowledged) are deleted. */
    List<QueuedMail> recover() throws IOException {
        List<QueuedMail> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    QueuedMail queued = recover(file);
                    if (queued != null) {
                        found.add(queued);
                    }
                } catch (DamagedQueueFileException e) {
                    // moved aside and logged; the other mails are still delivered
                }
            }
        }
        found.sort(QueuedMail.QUEUED_ORDER);
        return found;
    }

    private QueuedMail recover(Path file) throws IOException {
        String name = file.getFileName().toString();
        long sequence;
        try {
            sequence = Long.parseUnsignedLong(name.substring(0, name.length() - SUFFIX.length()), 16);
        } catch (NumberFormatException e) {
            LOGGER.warn("Mail queue {}: {} is not a queued mail, left alone", directory, name);
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Layout layout = Layout.of(channel);
            if (layout != null) {
                return envelope(channel, layout).summary(file, sequence);
            }
        } catch (JsonProcessingException e) {
            throw damaged(file, "its envelope cannot be read: " + e);
        } catch (IOException e) {
            throw new IOException("Mail queue " + directory + ": cannot read " + name, e);
        }
        LOGGER.warn("Mail queue {}: {} was being written when the server stopped (never acknowledged), deleted", directory, name);
        Files.delete(file);
        return null;
    }

    private static QueuedMailEnvelope envelope(FileChannel channel, Layout layout) throws IOException {
        byte[] envelope = new byte[layout.envelopeLength];
        readFully(channel, ByteBuffer.wrap(envelope), HEADER_BYTES);
        return QueuedMailEnvelope.decode(envelope, 0, envelope.length);
    }

    private DamagedQueueFileException damaged(Path file, String why) throws IOException {
        Path damaged = Files.createDirectories(directory.resolve(DAMAGED)).resolve(file.getFileName());
        Files.move(file, damaged, StandardCopyOption.REPLACE_EXISTING);
        LOGGER.error("Mail queue {}: the file of a queued mail is damaged ({}); moved to {} for an administrator", directory, why, damaged);
        return new DamagedQueueFileException("Queued mail file " + file + " is damaged: " + why);
    }

    private static int crc(byte[] bytes, Layout layout) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.toIntExact(layout.checkedLength()));
        return (int) crc.getValue();
    }

    private static int crc(FileChannel channel, Layout layout) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        while (position < layout.checkedLength()) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), layout.checkedLength() - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("Unexpected end of file");
            }
            crc.update(buffer.flip());
            position += read;
        }
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("Unexpected end of file");
            }
            at += read;
        }
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Where the parts of a complete file are; {@code null} from {@link #of} for a file without a valid head and end. */
    private record Layout(long size, int envelopeLength, long messageLength, int crc) {
        static Layout of(FileChannel channel) throws IOException {
            long size = channel.size();
            if (size < HEADER_BYTES + TRAILER_BYTES) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES);
            ByteBuffer tail = ByteBuffer.allocate(TRAILER_BYTES);
            readFully(channel, head, 0);
            readFully(channel, tail, size - TRAILER_BYTES);
            head.flip();
            tail.flip();
            if (head.getInt() != MAGIC || head.get() != VERSION) {
                return null;
            }
            int envelopeLength = head.getInt();
            long messageLength = tail.getLong();
            int crc = tail.getInt();
            if (tail.getInt() != END || envelopeLength < 0 || messageLength < 0
                || HEADER_BYTES + (long) envelopeLength + messageLength + TRAILER_BYTES != size) {
                return null;
            }
            return new Layout(size, envelopeLength, messageLength, crc);
        }

        long messageOffset() {
            return HEADER_BYTES + (long) envelopeLength;
        }

        /** Everything but the checksum and the end mark. */
        long checkedLength() {
            return size - Integer.BYTES - Integer.BYTES;
        }
    }

    private record InMemorySource(String sourceId, byte[] bytes, long offset, long length) implements MimeMessageSource {
        @Override
        public String getSourceId() {
            return sourceId;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes, Math.toIntExact(offset), Math.toIntExact(length));
        }

        @Override
        public long getMessageSize() {
            return length;
        }
    }

    /** A large message, read from its queue file each time it is needed rather than held in the heap. */
    private record FileRegionSource(Path file, long offset, long length) implements MimeMessageSource {
        @Override
        public String getSourceId() {
            return file.toString();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return ByteStreams.limit(new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024), length);
        }

        @Override
        public long getMessageSize() {
            return length;
        }
    }
}
