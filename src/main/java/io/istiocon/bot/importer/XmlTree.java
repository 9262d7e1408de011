package io.istiocon.bot.importer;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML element that remembers its line and column, read with the JDK's StAX parser with DTDs and
 * external entities switched off, so an export can neither read local files (XXE) nor expand
 * entities without end.
 */
final class XmlTree {
  final String name;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<XmlTree> children = new ArrayList<>();
  final int line;
  final int column;
  private final StringBuilder text = new StringBuilder();

  private XmlTree(String name, int line, int column) {
    this.name = name;
    this.line = line;
    this.column = column;
  }

  /** Reads a document; a syntax error becomes an {@link ImportException} naming its line and column. */
  static XmlTree read(byte[] bytes, String file) throws ImportException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own; no service lookup
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader in = null;
    try {
      in = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      Deque<XmlTree> open = new ArrayDeque<>();
      XmlTree root = null;
      while (in.hasNext()) {
        switch (in.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            Location at = in.getLocation();
            XmlTree e = new XmlTree(in.getLocalName(), at.getLineNumber(), at.getColumnNumber());
            for (int i = 0; i < in.getAttributeCount(); i++) {
              e.attributes.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
            }
            if (open.isEmpty()) {
              root = e;
            } else {
              open.peek().children.add(e);
            }
            open.push(e);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) {
              open.peek().text.append(in.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> {
            Location at = in.getLocation();
            throw ImportException.bad(file + ":" + at.getLineNumber() + ":" + at.getColumnNumber()
                + ": XML entity &" + in.getLocalName() + "; is not allowed (DTDs and external entities are switched off)");
          }
          default -> { }
        }
      }
      if (root == null) {
        throw ImportException.bad(file + ":1:1: XML has no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNumber());
      int column = at == null ? 1 : Math.max(1, at.getColumnNumber());
      throw ImportException.bad(file + ":" + line + ":" + column + ": XML syntax error: " + message(e));
    } finally {
      close(in);
    }
  }

  private static void close(XMLStreamReader in) {
    if (in != null) {
      try {
        in.close();
      } catch (XMLStreamException e) {
        // nothing to release beyond the byte array; the document was read or already failed
      }
    }
  }

  /** Returns the parser's own message without the position it repeats. */
  private static String message(XMLStreamException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = m.indexOf("Message: ");
    return (at >= 0 ? m.substring(at + "Message: ".length()) : m).strip();
  }

  /** Returns the element's own text, or null when it has none. */
  String text() {
    return text.length() == 0 ? null : text.toString();
  }

  /** Returns the first child with this name, or null. */
  XmlTree child(String childName) {
    for (XmlTree c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** Returns the text of the first child with this name, or null. */
  String childText(String childName) {
    XmlTree c = child(childName);
    return c == null ? null : c.text();
  }

  /** Returns the children with this name. */
  List<XmlTree> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** Returns where the element starts, as {@code file:line:column}. */
  String at(String file) {
    return file + ":" + line + ":" + column;
  }
}
