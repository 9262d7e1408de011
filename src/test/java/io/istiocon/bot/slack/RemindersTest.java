package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeClock;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders and change notices end to end: the bot as {@code serve} runs it over a catalog copied to
 * a temporary folder (so a test can move a talk), its agenda in SQLite, a {@link FakeClock}, and the
 * fake Web API recording {@code chat.scheduleMessage}, {@code chat.deleteScheduledMessage} and the
 * DMs. Each test starts its own bot, so every call it counts is its own.
 */
class RemindersTest {
  static final String CONFERENCE = "istiocon-2021";
  static final String EBPF = "Accelerate istio-cni with ebpf";
  /** e7p starts Thursday 25 February 2021, 04:40 UTC. */
  static final Instant EBPF_START = Instant.parse("2021-02-25T04:40:00Z");
  static final String SCHEDULE = "/api/chat.scheduleMessage";
  static final String DELETE = "/api/chat.deleteScheduledMessage";
  static final String POST = "/api/chat.postMessage";
  private static final AtomicInteger IDS = new AtomicInteger();

  @TempDir
  Path temp;
  private RunningBot bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  private RunningBot start(Instant now) throws Exception {
    bot = RunningBot.start(new FakeSlack(), catalogCopy(temp), Map.of(), 1, new FakeClock(now));
    return bot;
  }

  // ---- saving, removing, forgetting ---------------------------------------------------------

  @Test
  void save_schedulesOneDmTenMinutesBefore_withTheCard_andSavingAgainSchedulesNothingMore() throws Exception {
    start(RunningBot.NOW);

    String reply = save(bot, "U0R1", "e7p");

    assertTrue(reply.contains("I'll remind you in a DM 10 minutes before it starts"), reply);
    FakeSlack.Call scheduled = bot.slack.take(SCHEDULE);
    assertEquals("U0R1", scheduled.form().get("channel"), "the user's DM");
    assertEquals(Long.toString(EBPF_START.minusSeconds(600).getEpochSecond()), scheduled.form().get("post_at"));
    String card = BlockKit.allText(scheduled.formJson("blocks"));
    assertTrue(card.contains("Starting in 10 minutes") && card.contains(EBPF), card);
    assertTrue(BlockKit.buttons(scheduled.formJson("blocks")).stream().anyMatch(b -> b.path("url").asText()
        .startsWith("https://youtu.be/")), "the card keeps its links");

    save(bot, "U0R1", "e7p");

    assertEquals(List.of(), bot.slack.drain(SCHEDULE), "saved twice: one reminder");
  }

  @Test
  void remove_deletesTheScheduledMessage() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0R2", "e7p");
    bot.slack.take(SCHEDULE);

    String reply = click(bot, "U0R2", "agenda_remove:c0", "e7p");

    assertTrue(reply.startsWith("Removed *" + EBPF + "*"), reply);
    Map<String, String> delete = bot.slack.take(DELETE).form();
    assertEquals("DU0R2", delete.get("channel"), "the DM channel Slack answered with");
    assertEquals("Q1", delete.get("scheduled_message_id"));
  }

  @Test
  void forgetMe_deletesTheScheduledMessages() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0R3", "e7p");
    bot.slack.take(SCHEDULE);

    bot.command("U0R3", "forget me", "forget");

    assertTrue(bot.slack.take("/respond/forget").json().path("text").asText().startsWith("Deleted 1 saved talk"));
    assertEquals("Q1", bot.slack.take(DELETE).form().get("scheduled_message_id"));
  }

  @Test
  void pastTalk_getsNoReminder_andTheAnswerOffersTheRecording() throws Exception {
    start(Instant.parse("2021-03-01T12:00:00Z"));

    String reply = save(bot, "U0R4", "e7p");

    assertTrue(reply.contains("This talk is over, so there is no reminder: \u25b6 *<https://youtu.be/"), reply);
    assertEquals(List.of(), bot.slack.drain(SCHEDULE));
  }

  @Test
  void talkMoreThan120DaysAhead_staysPending_andTheSweepSchedulesItWhenItComesWithinRange() throws Exception {
    start(Instant.parse("2020-10-01T00:00:00Z")); // 147 days before the talk
    FakeClock clock = (FakeClock) bot.clock;

    String reply = save(bot, "U0R5", "e7p");

    assertTrue(reply.contains("more than 120 days away"), reply);
    assertEquals(0, bot.server.sweepReminders());
    assertEquals(List.of(), bot.slack.drain(SCHEDULE));

    clock.advance(Duration.ofDays(30));

    assertEquals(1, bot.server.sweepReminders());
    assertEquals(Long.toString(EBPF_START.minusSeconds(600).getEpochSecond()), bot.slack.take(SCHEDULE).form().get("post_at"));
    assertEquals(0, bot.server.sweepReminders(), "scheduled once");
  }

  // ---- Slack's refusals -------------------------------------------------------------------

  @Test
  void eachRefusal_getsAClearWord_andTheBotKeepsAnswering() throws Exception {
    start(RunningBot.NOW);
    Map<String, String> refusals = Map.of(
        "time_in_past", "Slack says that reminder time has already passed",
        "restricted_too_many", "Slack allows at most 30 scheduled messages within 5 minutes in one conversation",
        "time_too_far", "more than 120 days away",
        "channel_not_found", "Slack did not accept the reminder");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      String user = "U0NO" + IDS.incrementAndGet();
      bot.slack.script(SCHEDULE, json("{\"ok\":false,\"error\":\"" + refusal.getKey() + "\"}"));

      String reply = save(bot, user, "e7p");

      assertTrue(reply.contains(refusal.getValue()), refusal.getKey() + ": " + reply);
      assertTrue(reply.startsWith("\u2b50 Saved"), "the talk is saved all the same");
      bot.slack.take(SCHEDULE);
      assertEquals(200, bot.command(user, "ebpf talks", "q").statusCode());
      assertTrue(bot.command(user, "ebpf talks", "q").body().contains(EBPF), "still answering");
    }
  }

  @Test
  void rateLimited_keepsTheReminderPending_andASweepAfterRetryAfterSchedulesIt() throws Exception {
    start(RunningBot.NOW);
    FakeClock clock = (FakeClock) bot.clock;
    bot.slack.script(SCHEDULE, new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
        .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

    String reply = save(bot, "U0R6", "e7p");

    assertTrue(reply.contains("Slack is busy right now, so your reminder (10 minutes before) is queued"), reply);
    bot.slack.take(SCHEDULE);
    assertEquals(0, bot.server.sweepReminders(), "Retry-After is honoured");
    assertEquals(List.of(), bot.slack.drain(SCHEDULE));

    clock.advance(Duration.ofSeconds(31));

    assertEquals(1, bot.server.sweepReminders());
    bot.slack.take(SCHEDULE);
    click(bot, "U0R6", "agenda_remove:c0", "e7p");
    assertEquals("Q1", bot.slack.take(DELETE).form().get("scheduled_message_id"), "nothing lost: stored as Slack gave it");
  }

  // ---- the user's setting -----------------------------------------------------------------

  @Test
  void remindMe_off_on_rescheduleAndDeleteThePendingReminders() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0R7", "e7p");
    bot.slack.take(SCHEDULE);

    String five = command("U0R7", "remind me 5 minutes before");

    assertTrue(five.contains("remind you in a DM 5 minutes before each talk you save (1 reminder set"), five);
    assertEquals("Q1", bot.slack.take(DELETE).form().get("scheduled_message_id"));
    assertEquals(Long.toString(EBPF_START.minusSeconds(300).getEpochSecond()), bot.slack.take(SCHEDULE).form().get("post_at"));

    String off = command("U0R7", "Reminders off");

    assertTrue(off.startsWith("Reminders are off"), off);
    assertEquals("Q2", bot.slack.take(DELETE).form().get("scheduled_message_id"));
    assertTrue(save(bot, "U0R7", "e7p").contains("Your reminders are off"));

    String on = command("U0R7", "reminders on");

    assertTrue(on.contains("5 minutes before"), on);
    assertEquals(Long.toString(EBPF_START.minusSeconds(300).getEpochSecond()), bot.slack.take(SCHEDULE).form().get("post_at"));
    assertTrue(command("U0R7", "remind me 0 minutes before").startsWith("I can remind you 1 to 1440 minutes"));
    assertEquals(List.of(), bot.slack.drain(SCHEDULE));
    assertEquals(List.of(), bot.slack.drain(DELETE));
  }

  @Test
  void homeTab_saysWhenTheNextSavedTalkStarts_andTheReminderSetting() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0R8", "e7p");

    String before = home("U0R8");
    command("U0R8", "reminders off");
    String after = home("U0R8");

    assertTrue(before.contains("Your next saved talk starts <!date^" + EBPF_START.getEpochSecond()
        + "^{date_short_pretty} {time}|Thu 25 Feb 2021 04:40 UTC> \u00b7 reminder 10 minutes before"), before);
    assertTrue(after.contains("\u00b7 reminders off"), after);
  }

  // ---- change notices ---------------------------------------------------------------------

  @Test
  void movedTalk_oneDelete_oneScheduleAtTheNewTime_andOneDmPerUser() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0M1", "e7p");
    bot.slack.take(SCHEDULE);
    Instant moved = EBPF_START.plus(Duration.ofHours(2));

    moveEbpf(temp, "2021-02-25T06:40:00Z", "2021-02-25T07:20:00Z");
    bot.server.reloadCatalog();

    assertEquals("Q1", bot.slack.take(DELETE).form().get("scheduled_message_id"));
    assertEquals(Long.toString(moved.minusSeconds(600).getEpochSecond()), bot.slack.take(SCHEDULE).form().get("post_at"));
    Map<String, String> dm = bot.slack.take(POST).form();
    assertEquals("U0M1", dm.get("channel"));
    assertEquals("Moved: *" + EBPF + "* is now <!date^" + moved.getEpochSecond()
        + "^{date_short_pretty} {time}|Thu 25 Feb 2021 06:40 UTC>, was <!date^" + EBPF_START.getEpochSecond()
        + "^{date_short_pretty} {time}|Thu 25 Feb 2021 04:40 UTC>", dm.get("text"));
    bot.server.reloadCatalog();
    assertEquals(List.of(), bot.slack.drain(DELETE));
    assertEquals(List.of(), bot.slack.drain(SCHEDULE));
    assertEquals(List.of(), bot.slack.drain(POST), "told once");
  }

  @Test
  void retitledTalk_replacesTheReminderSoItsCardHasTheNewTitle_atTheSameTime_andSaysChanged() throws Exception {
    start(RunningBot.NOW);
    save(bot, "U0R1", "e7p");
    bot.slack.take(SCHEDULE);
    Path file = temp.resolve("catalog").resolve("istiocon-2021.yaml");
    String yaml = Files.readString(file);
    String retitled = yaml.replace("title: \"" + EBPF + "\"", "title: \"" + EBPF + " (updated)\"");
    assertTrue(!retitled.equals(yaml), "the ebpf talk's title was found");
    Files.writeString(file, retitled);

    bot.server.reloadCatalog();

    assertEquals("Q1", bot.slack.take(DELETE).form().get("scheduled_message_id"));
    FakeSlack.Call again = bot.slack.take(SCHEDULE);
    assertEquals(Long.toString(EBPF_START.minusSeconds(600).getEpochSecond()), again.form().get("post_at"));
    assertTrue(BlockKit.allText(again.formJson("blocks")).contains(EBPF + " (updated)"), again.form().get("blocks"));
    String dm = bot.slack.take(POST).form().get("text");
    assertTrue(dm.startsWith("Changed: "), dm);
    assertEquals(List.of(), bot.slack.drain(POST), "told once");
  }

  @Test
  void cancelledTalk_deletesItsReminder_andSaysCancelled_andTheAnnounceChannelGetsOneSummary() throws Exception {
    bot = RunningBot.start(new FakeSlack(), catalogCopy(temp), Map.of("ANNOUNCE_CHANNEL", "C0ANNOUNCE"), 1,
        new FakeClock(RunningBot.NOW));
    save(bot, "U0C1", "e7p");
    save(bot, "U0C2", "e7p");
    bot.slack.take(SCHEDULE);
    bot.slack.take(SCHEDULE);

    dropEbpf(temp);
    bot.server.reloadCatalog();

    assertEquals(2, List.of(bot.slack.take(DELETE), bot.slack.take(DELETE)).size());
    List<FakeSlack.Call> posts = List.of(bot.slack.take(POST), bot.slack.take(POST), bot.slack.take(POST));
    assertEquals(List.of("U0C1", "U0C2", "C0ANNOUNCE"), posts.stream().map(p -> p.form().get("channel")).toList());
    assertTrue(posts.get(0).form().get("text").startsWith("Cancelled: *" + EBPF + "*"), posts.get(0).form().get("text"));
    assertTrue(posts.get(2).form().get("text").contains("Cancelled: *" + EBPF + "*"));
    assertEquals(List.of(), bot.slack.drain(POST));
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Copies the real catalog into {@code dir}/catalog and returns it. */
  static Path catalogCopy(Path dir) throws IOException {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    for (String file : List.of("istiocon-2021.yaml", "synonyms.yaml", "catalog.schema.json")) {
      Files.copy(Path.of("catalog", file), catalog.resolve(file));
    }
    return catalog;
  }

  /** Rewrites the catalog with the ebpf talk (e7p) at another time. */
  static void moveEbpf(Path dir, String start, String end) throws IOException {
    Path file = dir.resolve("catalog").resolve("istiocon-2021.yaml");
    String yaml = Files.readString(file);
    String moved = yaml.replace("    start: \"2021-02-25T04:40:00Z\"\n    end: \"2021-02-25T05:20:00Z\"",
        "    start: \"" + start + "\"\n    end: \"" + end + "\"");
    assertTrue(!moved.equals(yaml), "the ebpf talk's times were found");
    Files.writeString(file, moved);
  }

  /** Rewrites the catalog without the ebpf talk (e7p). */
  static void dropEbpf(Path dir) throws IOException {
    Path file = dir.resolve("catalog").resolve("istiocon-2021.yaml");
    String yaml = Files.readString(file);
    int from = yaml.indexOf("  - id: e7p\n");
    int to = yaml.indexOf("\n  - id: ", from + 1);
    assertTrue(from > 0 && to > from, "the ebpf talk was found");
    Files.writeString(file, yaml.substring(0, from) + yaml.substring(to + 1));
  }

  /** Saves a talk with ⭐ Save on a card and returns the answer's text. */
  static String save(RunningBot bot, String user, String session) throws InterruptedException {
    return click(bot, user, "agenda_add:0", session);
  }

  static String click(RunningBot bot, String user, String actionId, String session) throws InterruptedException {
    String name = "r" + IDS.incrementAndGet();
    String value = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, session)).encode();
    bot.click(user, actionId, value, false, name, "1614015950." + IDS.incrementAndGet() + ".reminders");
    return bot.slack.take("/respond/" + name).json().path("text").asText();
  }

  private String command(String user, String text) throws InterruptedException {
    String name = "c" + IDS.incrementAndGet();
    bot.command(user, text, name);
    return bot.slack.take("/respond/" + name).json().path("text").asText();
  }

  private String home(String user) throws InterruptedException {
    bot.event("app_home_opened.json", Map.of("user", user, "tab", "home", "event_id", "Ev0HOME" + IDS.incrementAndGet()),
        Map.of());
    return BlockKit.allText(bot.slack.take("/api/views.publish").formJson("view"));
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }
}
