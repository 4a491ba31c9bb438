package ch.postwall.filter.scan;

/** A spam engine (spamd or rspamd, chosen per installation). */
public interface SpamScanner {
    SpamResult check(byte[] rawMessage) throws ScannerUnavailableException;
}
