package ch.postwall.server.digest;

class MemoryDigestSettingsStoreTest implements DigestSettingsStoreContract {
    private final MemoryDigestSettingsStore store = new MemoryDigestSettingsStore();

    @Override
    public DigestSettingsStore store() {
        return store;
    }
}
