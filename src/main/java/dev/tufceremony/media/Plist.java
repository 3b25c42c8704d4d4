package dev.tufceremony.media;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads Apple XML property lists (the output of {@code diskutil ... -plist}) into maps, lists and values. */
final class Plist {
    private Plist() {
    }

    /** The top-level value: Map for dict, List for array, String, Long, Double or Boolean. */
    static Object parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // The plist DOCTYPE names a DTD on the web: never fetch it (the machine is offline anyway).
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Element plist = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Element first = firstElement(plist);
            if (first == null) {
                throw new IOException("empty property list");
            }
            return value(first);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a property list: " + e.getMessage(), e);
        }
    }

    private static Object value(Element e) throws IOException {
        switch (e.getTagName()) {
            case "dict": {
                Map<String, Object> map = new LinkedHashMap<>();
                String key = null;
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) {
                        if (child.getTagName().equals("key")) {
                            key = child.getTextContent();
                        } else if (key != null) {
                            map.put(key, value(child));
                            key = null;
                        }
                    }
                }
                return map;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) {
                        list.add(value(child));
                    }
                }
                return list;
            }
            case "integer":
                try {
                    return Long.parseLong(e.getTextContent().trim());
                } catch (NumberFormatException ex) {
                    throw new IOException("bad integer in property list: " + e.getTextContent(), ex);
                }
            case "real":
                return Double.parseDouble(e.getTextContent().trim());
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default: // string, date, data
                return e.getTextContent();
        }
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static String string(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    static long number(Map<?, ?> map, String key, long fallback) {
        Object v = map.get(key);
        return v instanceof Long l ? l : fallback;
    }

    static boolean flag(Map<?, ?> map, String key) {
        return Boolean.TRUE.equals(map.get(key));
    }
}
