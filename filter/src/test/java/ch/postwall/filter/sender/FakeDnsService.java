package ch.postwall.filter.sender;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.dnsservice.api.DNSService;

/** An in-memory resolver: tests declare the records they need, everything else does not exist. */
public class FakeDnsService implements DNSService {
    private final Map<String, List<InetAddress>> addresses = new HashMap<>();
    private final Map<String, List<String>> texts = new HashMap<>();
    private final Map<InetAddress, String> pointers = new HashMap<>();

    public FakeDnsService address(String name, String... ips) {
        addresses.put(name, Arrays.stream(ips).map(FakeDnsService::ip).toList());
        return this;
    }

    public FakeDnsService text(String name, String... records) {
        texts.put(name, List.of(records));
        return this;
    }

    public FakeDnsService pointer(String ip, String name) {
        pointers.put(ip(ip), name);
        return this;
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public Collection<String> findMXRecords(String hostname) {
        return List.of();
    }

    @Override
    public Collection<String> findTXTRecords(String hostname) {
        return texts.getOrDefault(hostname, List.of());
    }

    @Override
    public Collection<InetAddress> getAllByName(String host) throws UnknownHostException {
        List<InetAddress> found = addresses.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    @Override
    public InetAddress getByName(String host) throws UnknownHostException {
        return getAllByName(host).iterator().next();
    }

    @Override
    public InetAddress getLocalHost() {
        return ip("127.0.0.1");
    }

    @Override
    public String getHostName(InetAddress address) {
        return pointers.getOrDefault(address, address.getHostAddress());
    }
}
