package ch.postwall.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks the configuration directory before James reads it. James silently disables a protocol whose
 * file is missing and fails late (or with a bare NullPointerException) on others; we fail at once with
 * the file and key named. Unknown elements of the protocol files and unknown WebAdmin keys are reported.
 */
public class ConfigurationValidator {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigurationValidator.class);

    /** Root element of each required XML file; protocol files also name their per-server element. */
    private static final Map<String, String> REQUIRED_XML = Map.ofEntries(
        Map.entry("smtpserver.xml", "smtpservers"),
        Map.entry("imapserver.xml", "imapservers"),
        Map.entry("pop3server.xml", "pop3servers"),
        Map.entry("lmtpserver.xml", "lmtpservers"),
        Map.entry("mailetcontainer.xml", "mailetcontainer"),
        Map.entry("mailrepositorystore.xml", "mailrepositorystore"),
        Map.entry("usersrepository.xml", "usersrepository"),
        Map.entry("domainlist.xml", "domainlist"),
        Map.entry("recipientrewritetable.xml", "recipientrewritetable"),
        Map.entry("dnsservice.xml", "dnsservice"));

    private static final Map<String, String> PROTOCOL_SERVER_ELEMENTS = Map.of(
        "smtpserver.xml", "smtpserver",
        "imapserver.xml", "imapserver",
        "pop3server.xml", "pop3server",
        "lmtpserver.xml", "lmtpserver");

    private static final Set<String> KNOWN_SERVER_ELEMENTS = Set.of(
        "jmxName", "bind", "connectionBacklog", "tls", "connectiontimeout", "connectionLimit",
        "connectionLimitPerIP", "auth", "authorizedAddresses", "verifyIdentity", "maxmessagesize",
        "addressBracketsEnforcement", "smtpGreeting", "helloName", "handlerchain", "idleTimeInterval",
        "idleTimeIntervalUnit", "enableIdle", "plainAuthDisallowed", "imapPackages", "ioWorkerCount",
        "bossWorkerCount", "maxExecutorCount", "gracefulShutdown", "useEpoll", "proxyRequired",
        "lineLengthLimit", "literalSizeLimit", "inMemorySizeLimit", "concurrentRequests", "maxQueueSize",
        "customProperties", "disabledCaps", "timeout", "compress", "enableLmtpDeliveryInSession");

    private static final Set<String> KNOWN_WEBADMIN_KEYS = Set.of(
        "enabled", "port", "host", "https.enabled", "https.keystore", "https.password",
        "https.trust.keystore", "https.trust.password", "cors.enable", "cors.origin",
        "jwt.enabled", "jwt.publickeypem.url", "extensions.routes", "maxThreadCount", "minThreadCount");

    private final Path directory;

    public ConfigurationValidator(Path directory) {
        this.directory = directory;
    }

    public void validate() {
        if (!Files.isDirectory(directory)) {
            throw new InvalidConfigurationException("Configuration directory " + directory + " does not exist");
        }
        REQUIRED_XML.forEach(this::validateXml);
        validateWebAdmin();
    }

    private void validateXml(String fileName, String expectedRoot) {
        Element root = parse(requireFile(fileName)).getDocumentElement();
        if (!root.getTagName().equals(expectedRoot)) {
            throw new InvalidConfigurationException(file(fileName) + ": root element is <" + root.getTagName()
                + ">, expected <" + expectedRoot + ">");
        }
        String serverElement = PROTOCOL_SERVER_ELEMENTS.get(fileName);
        if (serverElement != null) {
            validateProtocolServers(fileName, root, serverElement);
        }
    }

    private void validateProtocolServers(String fileName, Element root, String serverElement) {
        List<Element> servers = childElements(root);
        for (Element server : servers) {
            if (!server.getTagName().equals(serverElement)) {
                throw new InvalidConfigurationException(file(fileName) + ": unknown element <" + server.getTagName()
                    + ">, expected <" + serverElement + ">");
            }
            boolean enabled = !"false".equalsIgnoreCase(server.getAttribute("enabled"));
            if (enabled && childElements(server).stream().noneMatch(child -> child.getTagName().equals("bind"))) {
                throw new InvalidConfigurationException(file(fileName) + ": <" + serverElement + "> has no <bind> address");
            }
            childElements(server).stream()
                .map(Element::getTagName)
                .filter(tag -> !KNOWN_SERVER_ELEMENTS.contains(tag))
                .forEach(tag -> LOGGER.warn("{}: unknown element <{}> in <{}> is ignored", file(fileName), tag, serverElement));
        }
    }

    private void validateWebAdmin() {
        Path file = requireFile("webadmin.properties");
        Properties properties = new Properties();
        try (InputStream input = Files.newInputStream(file)) {
            properties.load(input);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        properties.stringPropertyNames().stream()
            .filter(key -> !KNOWN_WEBADMIN_KEYS.contains(key))
            .sorted()
            .forEach(key -> LOGGER.warn("{}: unknown key '{}' is ignored", file, key));
        String port = properties.getProperty("port", "8000").trim();
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new InvalidConfigurationException(file + ": key 'port': '" + port + "' is not a TCP port");
        }
    }

    private Path requireFile(String fileName) {
        Path file = file(fileName);
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("Missing configuration file " + file);
        }
        return file;
    }

    private Path file(String fileName) {
        return directory.resolve(fileName);
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Configuration files never need external entities; refusing them closes XXE.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(file.toFile());
        } catch (SAXException | IOException e) {
            throw new InvalidConfigurationException(file + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                children.add((Element) node);
            }
        }
        return children;
    }
}
