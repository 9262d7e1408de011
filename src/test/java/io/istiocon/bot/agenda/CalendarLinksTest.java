package io.istiocon.bot.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Calendar links on a real SQLite store: what is issued, what is kept, and which tokens find a user. */
class CalendarLinksTest {
  @TempDir
  Path temp;
  private JdbcAgendaStore store;
  private CalendarLinks links;

  @BeforeEach
  void open() throws Exception {
    store = JdbcAgendaStore.open(StoreSettings.sqlite(temp));
    links = new CalendarLinks(store, URI.create("https://bot.example.org/"), new SecureRandom(),
        Clock.fixed(Instant.parse("2021-02-20T00:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static String token(URI feed) {
    String path = feed.getPath();
    return path.substring(path.lastIndexOf('/') + 1, path.length() - CalendarLinks.FEED_SUFFIX.length());
  }

  @Test
  void newLink_isThePublicUrlThenCalendarThenA256BitToken() {
    URI feed = links.newLink("U1");

    assertTrue(feed.toString().matches("https://bot\\.example\\.org/calendar/[A-Za-z0-9_-]{43}\\.ics"), feed.toString());
    assertEquals(CalendarLinks.TOKEN_BYTES, Base64.getUrlDecoder().decode(token(feed)).length);
  }

  @Test
  void newLink_storesTheHashNotTheToken() {
    String token = token(links.newLink("U1"));

    assertEquals(Optional.of("U1"), store.calendarUser(CalendarLinks.hash(token)));
    assertEquals(Optional.empty(), store.calendarUser(token));
  }

  @Test
  void hash_isSha256InHex() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CalendarLinks.hash("abc"));
  }

  @Test
  void userOf_issuedToken_findsTheUser_eachUserTheirOwn() {
    String u1 = token(links.newLink("U1"));
    String u2 = token(links.newLink("U2"));

    assertNotEquals(u1, u2);
    assertEquals(Optional.of("U1"), links.userOf(u1));
    assertEquals(Optional.of("U2"), links.userOf(u2));
  }

  @Test
  void newLink_revokesTheOldOne() {
    String old = token(links.newLink("U1"));

    String fresh = token(links.newLink("U1"));

    assertEquals(Optional.empty(), links.userOf(old));
    assertEquals(Optional.of("U1"), links.userOf(fresh));
  }

  @Test
  void firstLink_onlyWhileTheUserHasNone() {
    Optional<URI> first = links.firstLink("U1");

    assertTrue(first.isPresent());
    assertEquals(Optional.empty(), links.firstLink("U1"), "the stored hash cannot be turned back into its URL");
    assertEquals(Optional.of("U1"), links.userOf(token(first.get())), "and the first link keeps working");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"})
  void userOf_malformedToken_isEmpty(String token) {
    assertEquals(Optional.empty(), links.userOf(token));
  }

  @Test
  void userOf_wellFormedButNeverIssued_isEmpty() {
    links.newLink("U1");

    assertEquals(Optional.empty(), links.userOf("A".repeat(43)));
    assertEquals(Optional.empty(), links.userOf(null));
  }

  @Test
  void publicUrl_withPassword_saysSoWithoutRepeatingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CalendarLinks.publicUrl("https://user:s3cret@bot.example.org"));

    assertEquals("must not hold a user name or password, like https://bot.example.org", e.getMessage());
  }

  @Test
  void newLink_blankUser_isRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> links.newLink(" "));

    assertTrue(e.getMessage().startsWith("userId must be"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "https://bot.example.org, https://bot.example.org",
      "https://bot.example.org/, https://bot.example.org",
      "HTTPS://bot.example.org:8443/istiocon//, https://bot.example.org:8443/istiocon",
      "http://127.0.0.1:3000, http://127.0.0.1:3000",
      "' https://bot.example.org ', https://bot.example.org"})
  void publicUrl_valid_isKeptWithoutTrailingSlash(String value, String expected) {
    assertEquals(URI.create(expected), CalendarLinks.publicUrl(value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bot.example.org | must start with https:// (or http://)",
      "ftp://bot.example.org | must start with https:// (or http://)",
      "https:///calendar | must name a host",
      "https://bot.example.org/?x=1 | must not have a query (?...) or fragment (#...)",
      "https://bot.example.org/#top | must not have a query (?...) or fragment (#...)",
      "https://bot example.org | is not a valid URL"})
  void publicUrl_invalid_saysWhatIsWrongAndShowsTheValue(String value, String problem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarLinks.publicUrl(value));

    assertTrue(e.getMessage().startsWith(problem), e.getMessage());
    assertTrue(e.getMessage().endsWith(", like https://bot.example.org, got \"" + value + "\""), e.getMessage());
  }
}
