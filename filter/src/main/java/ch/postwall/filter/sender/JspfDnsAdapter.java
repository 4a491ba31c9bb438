package ch.postwall.filter.sender;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.dnsservice.api.TemporaryResolutionException;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.exceptions.TimeoutException;

/**
 * Lets jSPF resolve through James's {@link DNSService}, so that SPF uses the same resolver as every
 * other sender check (and tests can point all of them at one fake).
 */
class JspfDnsAdapter implements org.apache.james.jspf.core.DNSService {
    private static final String IPV4_REVERSE_SUFFIX = ".in-addr.arpa";

    private final DNSService dnsService;
    private int recordLimit = 10;

    JspfDnsAdapter(DNSService dnsService) {
        this.dnsService = dnsService;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        String name = request.getHostname();
        try {
            switch (request.getRecordType()) {
                case DNSRequest.A:
                    return addresses(name, Inet4Address.class);
                case DNSRequest.AAAA:
                    return addresses(name, Inet6Address.class);
                case DNSRequest.MX:
                    return new ArrayList<>(dnsService.findMXRecords(name));
                case DNSRequest.TXT:
                case DNSRequest.SPF:
                    return new ArrayList<>(dnsService.findTXTRecords(name));
                case DNSRequest.PTR:
                    return reverse(name);
                default:
                    return List.of();
            }
        } catch (TemporaryResolutionException e) {
            throw new TimeoutException(e.getMessage());
        }
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
        try {
            return CompletableFuture.completedFuture(getRecords(request));
        } catch (TimeoutException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<String> addresses(String name, Class<? extends InetAddress> family) {
        try {
            Collection<InetAddress> all = dnsService.getAllByName(name);
            return all.stream().filter(family::isInstance).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private List<String> reverse(String name) {
        if (!name.toLowerCase().endsWith(IPV4_REVERSE_SUFFIX)) {
            return List.of();
        }
        String[] octets = name.substring(0, name.length() - IPV4_REVERSE_SUFFIX.length()).split("\\.");
        if (octets.length != 4) {
            return List.of();
        }
        String ip = octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
        try {
            String hostName = dnsService.getHostName(InetAddress.getByName(ip));
            return hostName.equals(ip) ? List.of() : List.of(hostName);
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    @Override
    public List<String> getLocalDomainNames() {
        return List.of();
    }

    @Override
    public void setTimeOut(int timeOut) {
        // The James DNSService carries its own timeout.
    }

    @Override
    public int getRecordLimit() {
        return recordLimit;
    }

    @Override
    public void setRecordLimit(int recordLimit) {
        this.recordLimit = recordLimit;
    }
}
