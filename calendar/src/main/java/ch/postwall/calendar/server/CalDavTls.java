package ch.postwall.calendar.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.altindag.ssl.util.PemUtils;

/**
 * Where the CalDAV server's key and certificates come from: PEM files (what the mail protocols use,
 * and the self-signed pair created at first start) or a key store. Loading checks what a handshake
 * would only reveal later: readable files, a key, a chain, and a key matching the first certificate.
 */
public sealed interface CalDavTls {
    TlsIdentity load(LocationResolver resolver);

    /** PEM private key (PKCS#1 or PKCS#8, optionally encrypted) and certificate chain, leaf first. */
    record Pem(String privateKey, String certificates, Optional<String> privateKeyPassword) implements CalDavTls {
        public Pem {
            Objects.requireNonNull(privateKey);
            Objects.requireNonNull(certificates);
            Objects.requireNonNull(privateKeyPassword);
        }

        @Override
        public TlsIdentity load(LocationResolver resolver) {
            Path keyFile = TlsFiles.readable(resolver, CalDavConfiguration.TLS_PRIVATE_KEY, privateKey);
            Path certificateFile = TlsFiles.readable(resolver, CalDavConfiguration.TLS_CERTIFICATES, certificates);
            List<X509Certificate> chain = TlsFiles.read(CalDavConfiguration.TLS_CERTIFICATES, certificateFile,
                input -> PemUtils.loadCertificate(input));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(CalDavConfiguration.TLS_CERTIFICATES + ": no certificate in " + certificateFile);
            }
            PrivateKey key = TlsFiles.read(CalDavConfiguration.TLS_PRIVATE_KEY, keyFile, input -> privateKeyPassword
                .map(password -> PemUtils.loadPrivateKey(input, password.toCharArray()))
                .orElseGet(() -> PemUtils.loadPrivateKey(input)));
            TlsFiles.requireMatch(key, chain.get(0), CalDavConfiguration.TLS_PRIVATE_KEY + " does not match the first certificate of "
                + CalDavConfiguration.TLS_CERTIFICATES);
            // Jetty takes a key store: an in-memory one, protected by a password that never leaves it.
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getEncoder().encodeToString(random);
            try {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("caldav", key, password.toCharArray(), chain.toArray(new Certificate[0]));
                return new TlsIdentity(keyStore, password);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot hold the CalDAV key and certificates in a key store", e);
            }
        }
    }

    /** A key store file holding one private key entry and its chain. */
    record KeyStoreFile(String location, String password, String type) implements CalDavTls {
        public KeyStoreFile {
            Objects.requireNonNull(location);
            Objects.requireNonNull(password);
            Objects.requireNonNull(type);
        }

        @Override
        public TlsIdentity load(LocationResolver resolver) {
            Path file = TlsFiles.readable(resolver, CalDavConfiguration.KEYSTORE_PATH, location);
            KeyStore keyStore = TlsFiles.read(CalDavConfiguration.KEYSTORE_PATH, file, input -> {
                KeyStore loaded = KeyStore.getInstance(type);
                loaded.load(input, password.toCharArray());
                return loaded;
            });
            try {
                for (String alias : Collections.list(keyStore.aliases())) {
                    if (keyStore.isKeyEntry(alias)) {
                        PrivateKey key = (PrivateKey) keyStore.getKey(alias, password.toCharArray());
                        TlsFiles.requireMatch(key, keyStore.getCertificate(alias),
                            CalDavConfiguration.KEYSTORE_PATH + ": the key of entry '" + alias + "' does not match its certificate");
                        return new TlsIdentity(keyStore, password);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(CalDavConfiguration.KEYSTORE_PATH + ": cannot read the key of " + file
                    + " with " + CalDavConfiguration.KEYSTORE_PASSWORD + ": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException(CalDavConfiguration.KEYSTORE_PATH + ": " + file + " holds no private key entry");
        }
    }
}
