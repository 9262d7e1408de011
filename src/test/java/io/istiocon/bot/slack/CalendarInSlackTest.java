package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.button;
import static io.istiocon.bot.testing.BlockKit.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.service.AddToCalendar;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calendar feed's Slack side, end to end over signed HTTP: "my agenda" shows the feed link the
 * first time and only then, {@code new calendar link} replaces it, "forget me" revokes it, the link
 * is never posted where others see it, and every card offers Add to calendar. The links the bot
 * gives are fetched from the same bot, so a link that does not open the user's feed fails here.
 */
class CalendarInSlackTest {
  private static final String CONFERENCE = "istiocon-2021";
  private static final String SKETCH_ID = "a4p";
  private static final Pattern FEED = Pattern.compile("https://bot\\.example\\.org(/calendar/[A-Za-z0-9_-]{43}\\.ics)");
  private static final AtomicInteger IDS = new AtomicInteger();
  private static RunningBot bot;
  private static RunningBot off;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(Path.of("catalog"), Map.of("PUBLIC_URL", "https://bot.example.org/"));
    off = RunningBot.start();
  }

  @AfterAll
  static void stop() {
    bot.close();
    off.close();
  }

  @Test
  void myAgenda_showsTheFeedLinkOnce_andItOpensThatUsersFeed() throws Exception {
    save(bot, "U0FEED1", SKETCH_ID);

    String first = answer(bot, "U0FEED1", "my agenda");
    String path = feedPath(first);
    HttpResponse<String> feed = bot.get(path);
    assertEquals(200, feed.statusCode());
    assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"), feed.headers().toString());
    assertTrue(feed.body().contains("UID:" + SKETCH_ID), feed.body());

    String second = answer(bot, "U0FEED1", "my agenda");
    assertFalse(FEED.matcher(second).find(), "the link is shown only when it is issued: " + second);
    assertTrue(second.contains("`/istiocon new calendar link` replaces a lost one"), second);
    String asked = answer(bot, "U0FEED1", "calendar link");
    assertFalse(FEED.matcher(asked).find(), asked);
    assertTrue(asked.contains("You already have a calendar feed link"), asked);
  }

  @Test
  void emptyAgenda_issuesNoLink_butCalendarLinkDoes() throws Exception {
    String empty = answer(bot, "U0FEED2", "my agenda");
    assertFalse(FEED.matcher(empty).find(), empty);

    String path = feedPath(answer(bot, "U0FEED2", "calendar link"));
    HttpResponse<String> feed = bot.get(path);
    assertEquals(200, feed.statusCode());
    assertFalse(feed.body().contains("BEGIN:VEVENT"), feed.body());
  }

  @Test
  void newCalendarLink_revokesTheOldOne() throws Exception {
    save(bot, "U0FEED3", SKETCH_ID);
    String old = feedPath(answer(bot, "U0FEED3", "my agenda"));

    String renewed = answer(bot, "U0FEED3", "New calendar link!");
    String path = feedPath(renewed);
    assertNotEquals(old, path);
    assertTrue(renewed.contains("any link I gave you before no longer works"), renewed);
    assertEquals(404, bot.get(old).statusCode());
    assertEquals(200, bot.get(path).statusCode());
  }

  @Test
  void forgetMe_revokesTheLink_andSaysSo() throws Exception {
    save(bot, "U0FEED4", SKETCH_ID);
    String path = feedPath(answer(bot, "U0FEED4", "my agenda"));

    assertEquals("Deleted 1 saved talk and your calendar feed link (it no longer works). I keep nothing else about you.",
        answer(bot, "U0FEED4", "forget me").strip());
    assertEquals(404, bot.get(path).statusCode());
  }

  @Test
  void inAChannel_theLinkIsNeverPosted_theAskerIsToldToAskPrivately() throws Exception {
    bot.event("app_mention.json", Map.of("text", "<@U0BOT> new calendar link", "user", "U0FEED5", "ts",
        "1614015900.000970", "event_id", "Ev0CAL" + IDS.incrementAndGet()), Map.of());

    FakeSlack.Call posted = bot.slack.take("/api/chat.postMessage");
    String text = posted.form().get("text");
    assertTrue(text.startsWith("Your agenda is yours alone"), text);
    assertTrue(text.contains("/istiocon new calendar link"), text);
    assertFalse(posted.body().contains("/calendar/"), posted.body());
  }

  @Test
  void withoutPublicUrl_theAgendaHasNoFeed_andCalendarLinkSaysFeedsAreOff() throws Exception {
    save(off, "U0FEED6", SKETCH_ID);
    String agenda = answer(off, "U0FEED6", "my agenda");
    assertFalse(agenda.contains("calendar feed") || agenda.contains("/calendar/"), agenda);

    for (String command : new String[] {"calendar link", "new calendar link"}) {
      String text = answer(off, "U0FEED6", command);
      assertTrue(text.contains("Calendar feeds are not switched on here"), text);
      assertTrue(text.contains("Add to calendar"), text);
    }
  }

  @Test
  void everyCard_offersAddToCalendar_aTemplateLinkWithTheTalksTimes() throws Exception {
    JsonNode blocks = parse(off.command("U0FEED7", "ebpf talks", "cards").body()).path("blocks");

    JsonNode add = button(blocks, "link:calendar:0").orElseThrow(() -> new AssertionError("no Add to calendar: " + blocks));
    assertEquals("\ud83d\udcc5 Add to calendar", add.path("text").path("text").asText());
    String url = add.path("url").asText();
    assertTrue(url.startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text="), url);
    assertTrue(url.contains("&dates=20210225T044000Z/"), url); // e7p, Thursday 04:40 UTC
    assertTrue(url.length() <= AddToCalendar.MAX_LENGTH, "Slack refuses longer button urls");
    long cards = BlockKit.buttons(blocks).stream().filter(b -> b.path("action_id").asText().startsWith("agenda_add:")).count();
    long calendars = BlockKit.buttons(blocks).stream().filter(b -> b.path("action_id").asText().startsWith("link:calendar:"))
        .count();
    assertEquals(cards, calendars, "one Add to calendar per card");
  }

  // ---- pieces -------------------------------------------------------------------------------

  /** Asks with the slash command and returns the text of the blocks of the answer sent to its response_url. */
  private static String answer(RunningBot on, String user, String text) throws InterruptedException {
    String name = "cal-" + IDS.incrementAndGet();
    on.command(user, text, name);
    return BlockKit.allText(on.slack.take("/respond/" + name).json().path("blocks"));
  }

  private static String feedPath(String text) {
    Matcher link = FEED.matcher(text);
    assertTrue(link.find(), "no feed link in: " + text);
    String path = link.group(1);
    assertFalse(link.find(), "one link only: " + text);
    return URI.create(path).getRawPath();
  }

  private static void save(RunningBot on, String user, String session) throws InterruptedException {
    String name = "cal-saved-" + IDS.incrementAndGet();
    on.click(user, "agenda_add:0", AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, session)).encode(), false,
        name, "1614015950." + IDS.incrementAndGet() + ".cal");
    on.slack.take("/respond/" + name);
  }
}
