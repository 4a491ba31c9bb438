package ch.postwall.server;

/** The ports one test server listens on, all on loopback. */
public final class PostwallPorts {
    public final int smtp = FreePorts.next();
    public final int submission = FreePorts.next();
    public final int submissions = FreePorts.next();
    public final int imap = FreePorts.next();
    public final int imaps = FreePorts.next();
    public final int pop3 = FreePorts.next();
    public final int pop3s = FreePorts.next();
    public final int lmtp = FreePorts.next();
    public final int webAdmin = FreePorts.next();
    public final int calDav = FreePorts.next();
    public final int api = FreePorts.next();
}
