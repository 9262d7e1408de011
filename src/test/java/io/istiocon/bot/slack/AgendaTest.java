package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertNoMentions;
import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static io.istiocon.bot.testing.BlockKit.button;
import static io.istiocon.bot.testing.BlockKit.buttons;
import static io.istiocon.bot.testing.BlockKit.parse;
import static io.istiocon.bot.testing.BlockKit.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agenda end to end: the bot as {@code serve} runs it with its agenda in a SQLite file in a
 * temporary DATA_DIR, driven over real HTTP with signed requests; each test is its own user.
 */
class AgendaTest {
  private static final String CONFERENCE = "istiocon-2021";
  private static final String SKETCH = "I want to sketch a mesh for you"; // a4p, on at RunningBot.NOW (Monday)
  private static final String EBPF = "Accelerate istio-cni with ebpf"; // e7p, Thursday 04:40 UTC: Wednesday in Los Angeles
  private static final AtomicInteger IDS = new AtomicInteger();
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  // ---- ⭐ Save on an answer only the asker sees ----------------------------------------------

  @Test
  void saveOnAnAnswer_drawsItAgainInPlace_markedSavedWithRemove_andTheNextAnswerKnowsIt() throws Exception {
    JsonNode blocks = parse(bot.command("U0SAVE1", "ebpf talks", "q").body()).path("blocks");
    JsonNode save = button(blocks, "agenda_add:0").orElseThrow(() -> new AssertionError("no Save on the card: " + blocks));

    assertEquals(200, click("U0SAVE1", "agenda_add:0", save.path("value").asText(), true, "save1").statusCode());

    JsonNode reply = bot.slack.take("/respond/save1").json();
    assertTrue(reply.path("replace_original").asBoolean(), "updated in place");
    assertTrue(button(reply.path("blocks"), "agenda_remove:0").isPresent(), "Remove instead of Save");
    assertTrue(BlockKit.allText(reply.path("blocks")).contains("In your agenda"));
    assertTrue(button(reply.path("blocks"), "share").isPresent(), "still the same answer");
    assertWithinLimits(reply.path("blocks"), TalkCards.MAX_BLOCKS);
    JsonNode again = parse(bot.command("U0SAVE1", "ebpf talks", "q").body()).path("blocks");
    assertTrue(button(again, "agenda_remove:0").isPresent(), "the asker's next answer shows it saved");
    JsonNode someoneElse = parse(bot.command("U0OTHER", "ebpf talks", "q").body()).path("blocks");
    assertTrue(button(someoneElse, "agenda_add:0").isPresent(), "saved for that asker only");
  }

  @Test
  void removeOnAnAnswer_drawsItAgainWithSave() throws Exception {
    save("U0SAVE2", "e7p");
    JsonNode blocks = parse(bot.command("U0SAVE2", "ebpf talks", "q").body()).path("blocks");
    String value = button(blocks, "agenda_remove:0").orElseThrow().path("value").asText();

    click("U0SAVE2", "agenda_remove:0", value, true, "remove1");

    JsonNode reply = bot.slack.take("/respond/remove1").json();
    assertTrue(reply.path("replace_original").asBoolean());
    assertTrue(button(reply.path("blocks"), "agenda_add:0").isPresent());
    assertFalse(BlockKit.allText(reply.path("blocks")).contains("In your agenda"));
  }

  // ---- /istiocon my agenda ------------------------------------------------------------------

  @Test
  void myAgenda_listsSavedTalksInProgramOrder_byDayInTheConferencesZone_withRemove_andTheNextMarked() throws Exception {
    save("U0LIST", "e7p");
    save("U0LIST", "a4p");

    HttpResponse<String> ack = bot.command("U0LIST", "My agenda!", "agenda1");

    assertEquals(200, ack.statusCode());
    JsonNode reply = bot.slack.take("/respond/agenda1").json();
    assertEquals("ephemeral", reply.path("response_type").asText());
    JsonNode blocks = reply.path("blocks");
    assertWithinLimits(blocks, TalkCards.MAX_BLOCKS);
    assertNoMentions(blocks);
    List<String> sections = sections(blocks);
    assertTrue(sections.get(0).startsWith("*Your agenda* \u00b7 2 saved talks\nOn now: *" + SKETCH + "*"), sections.get(0));
    assertTrue(sections.get(1).startsWith("\ud83d\udd34 *On now* \u00b7 *" + SKETCH + "*\n<!date^"), sections.get(1));
    assertTrue(sections.get(2).startsWith("*" + EBPF + "*\n<!date^1614228000^{time}|04:40 UTC>"), sections.get(2));
    String text = BlockKit.allText(blocks);
    assertTrue(text.indexOf("Monday 22 February 2021") < text.indexOf("Wednesday 24 February 2021"),
        "days in Los Angeles, where the ebpf talk is on Wednesday evening: " + text);
    assertEquals(List.of("agenda_remove:a0", "agenda_remove:a1"), buttons(blocks).stream()
        .map(b -> b.path("action_id").asText()).toList());
  }

  @Test
  void myAgenda_sameWordsInOtherForms_areTheAgendaToo() throws Exception {
    for (String words : List.of("agenda", "my talks", "MY SCHEDULE", " my  agenda? ")) {
      bot.command("U0WORDS", words, "words");

      assertTrue(bot.slack.take("/respond/words").json().path("text").asText().startsWith("Your agenda is empty"), words);
    }
  }

  @Test
  void myAgenda_empty_saysHowToSave() throws Exception {
    bot.command("U0EMPTY", "my agenda", "empty");

    String text = bot.slack.take("/respond/empty").json().path("text").asText();
    assertTrue(text.startsWith("Your agenda is empty. Click *\u2b50 Save* on any talk card"), text);
  }

  @Test
  void removeOnTheAgenda_drawsTheAgendaAgainInPlace() throws Exception {
    save("U0REMOVE", "e7p");
    bot.command("U0REMOVE", "my agenda", "before");
    JsonNode remove = button(bot.slack.take("/respond/before").json().path("blocks"), "agenda_remove:a0").orElseThrow();

    click("U0REMOVE", "agenda_remove:a0", remove.path("value").asText(), true, "after");

    JsonNode reply = bot.slack.take("/respond/after").json();
    assertTrue(reply.path("replace_original").asBoolean());
    assertTrue(reply.path("text").asText().startsWith("Your agenda is empty"), reply.toString());
  }

  // ---- /istiocon forget me ------------------------------------------------------------------

  @Test
  void forgetMe_deletesEverything_andSaysWhat() throws Exception {
    save("U0FORGET", "e7p");
    save("U0FORGET", "a4p");
    save("U0KEEP", "a4p");

    bot.command("U0FORGET", "forget me", "forget");

    assertEquals("Deleted 2 saved talks. I keep nothing else about you.",
        bot.slack.take("/respond/forget").json().path("text").asText());
    bot.command("U0FORGET", "forget me", "again");
    assertEquals("I had nothing stored about you, so there was nothing to delete.",
        bot.slack.take("/respond/again").json().path("text").asText());
    bot.command("U0KEEP", "my agenda", "kept");
    assertTrue(bot.slack.take("/respond/kept").json().path("text").asText().startsWith("1 saved talk in your agenda"));
  }

  // ---- bad clicks ---------------------------------------------------------------------------

  @Test
  void saveOfATalkNotInTheProgram_saysSo_andStoresNothing() throws Exception {
    String value = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, "gone1")).encode();

    click("U0GONE", "agenda_add:0", value, false, "gone");

    JsonNode reply = bot.slack.take("/respond/gone").json();
    assertEquals("ephemeral", reply.path("response_type").asText());
    assertTrue(reply.path("text").asText().startsWith("That talk is not in the programme any more"), reply.toString());
    bot.command("U0GONE", "my agenda", "gone-agenda");
    assertTrue(bot.slack.take("/respond/gone-agenda").json().path("text").asText().startsWith("Your agenda is empty"));
  }

  @Test
  void unreadableAgendaButton_getsAnApology() throws Exception {
    click("U0ODD", "agenda_add:0", "2|x|<script>|", true, "odd");

    assertTrue(bot.slack.take("/respond/odd").json().path("text").asText().startsWith("Sorry, I could not read that button"));
  }

  // ---- cards others see -------------------------------------------------------------------

  @Test
  void saveOnACardInAThread_answersOnlyTheClicker_andRemoveThereReplacesThatAnswer() throws Exception {
    bot.event("app_mention.json", Map.of("text", "<@U0BOT> ebpf talks", "user", "U0THREAD", "ts", "1614015900.000900",
        "event_id", eventId()), Map.of());
    JsonNode posted = bot.slack.take("/api/chat.postMessage").formJson("blocks");
    String save = button(posted, "agenda_add:0").orElseThrow().path("value").asText();
    assertTrue(button(posted, "agenda_remove:0").isEmpty());

    click("U0CLICKER", "agenda_add:0", save, false, "thread-save");

    JsonNode saved = bot.slack.take("/respond/thread-save").json();
    assertEquals("ephemeral", saved.path("response_type").asText());
    assertFalse(saved.path("replace_original").asBoolean(), "the thread's message stays as everyone sees it");
    assertTrue(saved.path("text").asText().startsWith("\u2b50 Saved *" + EBPF + "* to your agenda"), saved.toString());
    String remove = button(saved.path("blocks"), "agenda_remove:c0").orElseThrow().path("value").asText();
    assertEquals("my agenda", button(saved.path("blocks"), "ask:0").orElseThrow().path("value").asText());

    click("U0CLICKER", "agenda_remove:c0", remove, true, "thread-remove");

    JsonNode removed = bot.slack.take("/respond/thread-remove").json();
    assertTrue(removed.path("replace_original").asBoolean());
    assertEquals("Removed *" + EBPF + "* from your agenda.", removed.path("text").asText());
  }

  @Test
  void myAgendaInADm_isPostedThere_butInAChannel_itSaysToAskPrivately() throws Exception {
    save("U0USER1", "a4p"); // the DM fixture's user
    bot.event("message_im.json", Map.of("text", "my agenda", "ts", "1614015900.000950", "event_id", eventId()), Map.of());
    FakeSlack.Call dm = bot.slack.take("/api/chat.postMessage");
    assertEquals("D0DM1", dm.form().get("channel"));
    assertTrue(BlockKit.allText(dm.formJson("blocks")).contains(SKETCH));

    bot.event("app_mention.json", Map.of("text", "<@U0BOT> my agenda", "user", "U0USER1", "ts", "1614015900.000960",
        "event_id", eventId()), Map.of());

    FakeSlack.Call channel = bot.slack.take("/api/chat.postMessage");
    assertTrue(channel.form().get("text").startsWith("Your agenda is yours alone"), channel.form().get("text"));
    assertFalse(channel.form().get("text").contains(SKETCH));
  }

  // ---- the Home tab -----------------------------------------------------------------------

  @Test
  void homeTab_showsTheNextSavedTalkAndTheAgenda_andSaveThereIsPublishedAgain() throws Exception {
    save("U0HOME", "e7p");
    bot.event("app_home_opened.json", Map.of("user", "U0HOME", "tab", "home", "event_id", eventId()), Map.of());
    JsonNode view = bot.slack.take("/api/views.publish").formJson("view");
    assertWithinLimits(view.path("blocks"), TalkCards.MAX_HOME_BLOCKS);
    String text = BlockKit.allText(view);
    assertTrue(text.contains("Your agenda"), text);
    assertTrue(text.contains("Your next saved talk: *" + EBPF + "*"), text);
    JsonNode save = buttons(view.path("blocks")).stream().filter(b -> b.path("action_id").asText().startsWith("agenda_add:"))
        .findFirst().orElseThrow(() -> new AssertionError("no Save on the Home tab's cards"));

    click("U0HOME", save.path("action_id").asText(), save.path("value").asText(), false, "unused");

    JsonNode again = bot.slack.take("/api/views.publish").formJson("view");
    assertEquals(1, agendaLines(view), "before: the ebpf talk");
    assertEquals(2, agendaLines(again), "after: the talk saved on the Home tab too");
    assertTrue(BlockKit.allText(again).contains(SAVED_MARK_TEXT), "its card says it is saved");
  }

  // ---- exactly once -----------------------------------------------------------------------

  @Test
  void clickDeliveredTwice_isAnsweredOnce() throws Exception {
    String value = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, "e7p")).encode();
    String trigger = "1614015999." + IDS.incrementAndGet() + ".twice";
    bot.click("U0TWICE", "agenda_add:0", value, false, "twice", trigger);
    bot.click("U0TWICE", "agenda_add:0", value, false, "twice", trigger);
    click("U0TWICE", "agenda_add:0", value, false, "barrier");

    bot.slack.take("/respond/barrier");
    assertEquals(1, bot.slack.drain("/respond/twice").size());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static final String SAVED_MARK_TEXT = "In your agenda";

  /** Returns how many saved talks a Home tab lists, each with its Remove button. */
  private static long agendaLines(JsonNode view) {
    return buttons(view.path("blocks")).stream().filter(b -> b.path("action_id").asText().startsWith("agenda_remove:h")).count();
  }

  /** Saves a talk for a user with a click on a card, and waits for the answer. */
  private static void save(String user, String session) throws InterruptedException {
    String name = "saved-" + IDS.incrementAndGet();
    click(user, "agenda_add:0", AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, session)).encode(), false,
        name);
    bot.slack.take("/respond/" + name);
  }

  private static HttpResponse<String> click(String user, String actionId, String value, boolean ephemeral, String name) {
    return bot.click(user, actionId, value, ephemeral, name, "1614015950." + IDS.incrementAndGet() + ".agenda");
  }

  private static String eventId() {
    return "Ev0AGENDA" + IDS.incrementAndGet();
  }
}
