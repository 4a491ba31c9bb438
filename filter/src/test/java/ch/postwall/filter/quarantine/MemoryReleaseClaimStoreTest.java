package ch.postwall.filter.quarantine;

class MemoryReleaseClaimStoreTest implements ReleaseClaimStoreContract {
    private final MemoryReleaseClaimStore store = new MemoryReleaseClaimStore(CLOCK);

    @Override
    public ReleaseClaimStore store() {
        return store;
    }
}
