package ch.postwall.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small documents carrying one line of text, built in code so that the attachment text a search index
 * extracts is known: a one-page PDF, a minimal OpenDocument text, a plain text file, chosen by the message index.
 */
enum BenchmarkAttachments {
    PDF("application/pdf", "report.pdf") {
        @Override
        byte[] document(String text) {
            String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
            List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
            StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
            List<Integer> offsets = new ArrayList<>();
            for (int number = 1; number <= objects.size(); number++) {
                offsets.add(pdf.length());
                pdf.append(number).append(" 0 obj\n").append(objects.get(number - 1)).append("\nendobj\n");
            }
            int xref = pdf.length();
            pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
            offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
            pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
            return pdf.toString().getBytes(StandardCharsets.US_ASCII);
        }
    },
    ODT("application/vnd.oasis.opendocument.text", "minutes.odt") {
        // ODT rather than DOCX: the server's Tika has the OpenDocument parser but no Microsoft Office module.
        @Override
        byte[] document(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                entry(zip, "mimetype", contentType);
                entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + contentType + "\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
                entry(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                    + "</office:document-content>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private void entry(ZipOutputStream zip, String name, String content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    },
    TEXT("text/plain", "notes.txt") {
        @Override
        byte[] document(String text) {
            return (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    };

    final String contentType;
    final String fileName;

    BenchmarkAttachments(String contentType, String fileName) {
        this.contentType = contentType;
        this.fileName = fileName;
    }

    /** The document holding {@code text} (plain ASCII words, nothing to escape). */
    abstract byte[] document(String text);

    static BenchmarkAttachments forMessage(int index) {
        return values()[index % values().length];
    }
}
