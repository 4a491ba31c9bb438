package ch.postwall.calendar.server;

import java.security.KeyStore;
import java.util.Objects;

/** The server's private key and certificate chain, loaded and checked, as Jetty takes them. */
public record TlsIdentity(KeyStore keyStore, String password) {
    public TlsIdentity {
        Objects.requireNonNull(keyStore);
        Objects.requireNonNull(password);
    }
}
