package io.istiocon.bot.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.TestCatalogs;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;

/**
 * ical4j never reaches the network while a feed is written or read back: run in a fresh JVM (so
 * ical4j's first use, with its configuration and zone loading, happens there), with a proxy
 * selector that records every connection anything in it tries to open and lets none through.
 */
class NoNetworkTest {
  private static final String MARK = "no-network-check: ";

  @Test
  void renderingAndParsingAFeed_opensNoConnection() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NoNetworkTest.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");

    List<String> lines = output.lines().filter(l -> l.startsWith(MARK)).map(l -> l.substring(MARK.length())).toList();
    assertEquals(0, child.exitValue(), output);
    assertEquals(List.of("rendered 67 events, parsed 67", "connections while rendering: []",
        "connections after the probe: [http://probe.invalid/]"), lines, output);
  }

  /** Runs in the child JVM: renders the real catalog as a feed, parses it back, then probes the recorder. */
  public static void main(String[] args) throws Exception {
    List<String> dialled = new CopyOnWriteArrayList<>();
    SocketAddress nowhere = new InetSocketAddress("127.0.0.1", 9); // discard port: nothing listens, so nothing goes out
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        dialled.add(uri.toString());
        return List.of(new Proxy(uri.getScheme().startsWith("http") ? Proxy.Type.HTTP : Proxy.Type.SOCKS, nowhere));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // recorded in select already
      }
    });
    Catalog catalog = TestCatalogs.real();
    List<Ics.Event> events = new ArrayList<>();
    for (Session session : catalog.sessions()) {
      events.add(new Ics.Event(session, 0, session.page()));
    }
    String text = Ics.render("IstioCon 2021 \u2014 my agenda", events, Instant.parse("2021-02-20T00:00:00Z"));
    int parsed = new CalendarBuilder().build(new StringReader(text)).getComponents("VEVENT").size();
    System.out.println(MARK + "rendered " + events.size() + " events, parsed " + parsed);
    System.out.println(MARK + "connections while rendering: " + dialled);
    try {
      URI.create("http://probe.invalid/").toURL().openStream().close();
    } catch (IOException expected) {
      // the recorder saw it; that it did is what shows the check above could have failed
    }
    System.out.println(MARK + "connections after the probe: " + dialled);
  }
}
