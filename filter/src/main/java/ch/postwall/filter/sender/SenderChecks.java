package ch.postwall.filter.sender;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.MaybeSender;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.impl.SPF;

/** SPF (Apache jSPF), DNSBL lookups and HELO / reverse-DNS sanity, all through one James {@link DNSService}. */
public class SenderChecks {
    private static final String SPF_NONE = "none";

    private final DNSService dnsService;
    private final SPF spf;
    private final List<String> dnsblZones;

    public SenderChecks(DNSService dnsService, List<String> dnsblZones) {
        this.dnsService = dnsService;
        this.spf = new SPF(new JspfDnsAdapter(dnsService));
        this.dnsblZones = List.copyOf(dnsblZones);
    }

    public SenderCheckResult check(InetAddress client, String helo, MaybeSender sender) {
        return new SenderCheckResult(spf(client, helo, sender), dnsblListings(client), heloResolvesTo(helo, client),
            forwardConfirmedReverseName(client));
    }

    private String spf(InetAddress client, String helo, MaybeSender sender) {
        if (sender.isNullSender()) {
            return SPF_NONE;
        }
        SPFResult result = spf.checkSPF(client.getHostAddress(), sender.asString(), helo);
        return result.getResult();
    }

    private List<String> dnsblListings(InetAddress client) {
        if (!(client instanceof Inet4Address)) {
            // IPv6 DNSBL zones are rare and use a nibble format; not covered yet.
            return List.of();
        }
        byte[] octets = client.getAddress();
        String reversed = (octets[3] & 0xff) + "." + (octets[2] & 0xff) + "." + (octets[1] & 0xff) + "." + (octets[0] & 0xff);
        return dnsblZones.stream()
            .filter(zone -> resolves(reversed + "." + zone))
            .toList();
    }

    private boolean resolves(String name) {
        try {
            dnsService.getByName(name);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean heloResolvesTo(String helo, InetAddress client) {
        try {
            return dnsService.getAllByName(helo).contains(client);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Optional<String> forwardConfirmedReverseName(InetAddress client) {
        String name = dnsService.getHostName(client);
        if (name == null || name.equals(client.getHostAddress())) {
            return Optional.empty();
        }
        try {
            return dnsService.getAllByName(name).contains(client) ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
