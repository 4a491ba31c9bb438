package ch.postwall.filter.scan;

/** A virus scanner reading the whole raw message (it unpacks MIME, encodings and archives itself). */
public interface VirusScanner {
    VirusResult scan(byte[] rawMessage) throws ScannerUnavailableException;
}
