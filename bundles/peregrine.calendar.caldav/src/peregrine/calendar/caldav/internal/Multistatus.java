package peregrine.calendar.caldav.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A WebDAV {@code 207 Multi-Status} body (RFC 4918 13), reduced to what the provider needs: per response its
 * href, resolved against the address that answered (servers such as iCloud answer with absolute hrefs on
 * another host), its own status when it has one (RFC 4918 14.24: Xandikos answers a PROPFIND of a deleted
 * event with a 207 whose response says 404), and the properties found (propstat 2xx).
 */
record Multistatus(List<Entry> entries) {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    /** Far more than any multistatus needs (calendar-data is text, not elements). */
    static final int MAX_DEPTH = 64;

    /**
     * One {@code DAV:response}: its resolved href, its status (from its own {@code DAV:status}; -1 when it has
     * none, as a response made of propstats has) and the found properties by {@code {namespace}name}.
     */
    record Entry(URI href, int status, Map<String, Element> props) {

        /** @return whether the response says the resource does not exist (404, 410), as a bare answer would */
        boolean gone() {
            return status == 404 || status == 410;
        }

        /** @return whether the response reports a failure of its own (any status but 2xx) */
        boolean failed() {
            return status >= 0 && (status < 200 || status >= 300);
        }

        Optional<Element> prop(String namespace, String name) {
            return Optional.ofNullable(props.get("{" + namespace + "}" + name));
        }

        /** @return the text of a property such as {@code DAV:displayname} or {@code DAV:getetag} */
        Optional<String> text(String namespace, String name) {
            return prop(namespace, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
        }

        /** @return the first {@code DAV:href} inside a property such as {@code DAV:current-user-principal} */
        Optional<URI> hrefProp(String namespace, String name) {
            return prop(namespace, name).flatMap(p -> children(p, DAV, "href").stream().findFirst())
                    .map(h -> h.getTextContent().strip()).filter(s -> !s.isEmpty())
                    .flatMap(h -> resolve(href, h));
        }

        /** @return the {@code {namespace}name} of each element inside {@code DAV:resourcetype} */
        Set<String> resourceTypes() {
            Set<String> types = new LinkedHashSet<>();
            prop(DAV, "resourcetype").ifPresent(p -> {
                for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        types.add("{" + e.getNamespaceURI() + "}" + e.getLocalName());
                    }
                }
            });
            return types;
        }

        boolean isCalendar() {
            return resourceTypes().contains("{" + CALDAV + "}calendar");
        }

        /** @return whether the collection may hold events: no supported-calendar-component-set means all components */
        boolean supportsEvents() {
            return prop(CALDAV, "supported-calendar-component-set")
                    .map(set -> children(set, CALDAV, "comp").stream().anyMatch(c -> "VEVENT".equalsIgnoreCase(c.getAttribute("name")))
                            || children(set, CALDAV, "comp").isEmpty())
                    .orElse(true);
        }
    }

    /**
     * @param base the address that answered
     * @throws IOException when the body is not a multistatus document
     */
    static Multistatus parse(URI base, byte[] body) throws IOException {
        Element root;
        try {
            root = builder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("not a WebDAV multistatus answer: " + e.getMessage(), e);
        }
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new IOException("not a WebDAV multistatus answer: <" + root.getLocalName() + ">");
        }
        List<Entry> entries = new ArrayList<>();
        for (Element response : children(root, DAV, "response")) {
            // A response whose href cannot be read still counts by its status: Xandikos writes the hrefs of its
            // error responses as a percent-encoded absolute URL, which resolves to nonsense but says 404 all the same.
            URI href = children(response, DAV, "href").stream().findFirst()
                    .flatMap(h -> resolve(base, h.getTextContent().strip())).orElse(base);
            int status = children(response, DAV, "status").stream().findFirst().map(s -> statusCode(s.getTextContent())).orElse(-1);
            Map<String, Element> props = new HashMap<>();
            for (Element propstat : children(response, DAV, "propstat")) {
                boolean found = children(propstat, DAV, "status").stream().findFirst()
                        .map(s -> statusCode(s.getTextContent())).map(code -> code >= 200 && code < 300).orElse(true);
                if (!found) {
                    continue;
                }
                for (Element prop : children(propstat, DAV, "prop")) {
                    for (Node n = prop.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element e) {
                            props.put("{" + e.getNamespaceURI() + "}" + e.getLocalName(), e);
                        }
                    }
                }
            }
            entries.add(new Entry(href, status, props));
        }
        return new Multistatus(entries);
    }

    /** @return the entry of {@code uri} itself (ignoring a trailing slash), else the first entry */
    Optional<Entry> self(URI uri) {
        return entries.stream().filter(e -> sameResource(e.href(), uri)).findFirst().or(() -> entries.stream().findFirst());
    }

    static boolean sameResource(URI a, URI b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(URI uri) {
        String s = uri.normalize().toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Optional<URI> resolve(URI base, String href) {
        try {
            return Optional.of(base.resolve(new URI(href.replace(" ", "%20"))));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    static List<Element> children(Node parent, String namespace, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Answers come from the network: no DTDs, no external entities.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // A multistatus is a few levels deep; a hostile one nested a million deep is refused while it is read.
        factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }
}
