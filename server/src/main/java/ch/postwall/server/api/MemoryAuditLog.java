package ch.postwall.server.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public class MemoryAuditLog implements AuditLog {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(Entry entry) {
        entries.add(entry);
    }

    @Override
    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
