package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.istiocon.bot.agenda.ClaimKind;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.ops.Metrics.Kind;
import io.istiocon.bot.ops.Metrics.Outcome;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.search.QueryParser;
import io.istiocon.bot.search.Text;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.Reminders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /istiocon}, mentions, DMs, the Home tab and the buttons, all answered by
 * the {@link AnswerService} and rendered by {@link TalkCards}; the agenda's commands and buttons by
 * {@link AgendaReplies}. Events are acknowledged at once and answered on the executor; slash
 * commands are answered in the acknowledgement itself, except the agenda's, which need the store
 * and answer through the response_url. An event or a click is answered once across replicas: this
 * replica's memory of event ids first, then a claim in the store. Every request is counted by kind
 * and outcome, and every answer is logged with its query, intent, result count, latency and
 * catalog version.
 */
final class SlackApp {
  private static final Logger log = LoggerFactory.getLogger(SlackApp.class);
  /** The longest query a log line repeats, in code points. */
  static final int LOGGED_QUERY = 200;
  /**
   * How long an answer only the asker sees waits for their saved talks (kept in memory, so
   * usually not at all) before it is drawn without them.
   */
  static final Duration SAVED_WAIT = Duration.ofMillis(200);

  private final AnswerService answers;
  private final AgendaService agenda;
  private final AgendaReplies replies;
  private final SlackPoster poster;
  private final UserZones zones;
  private final SeenEvents seen;
  private final Clock clock;
  private final Executor executor;
  private final String botUserId;
  private final Metrics metrics;
  private final Ticker ticker;

  /**
   * Creates the handlers.
   *
   * @param botUserId the bot's own user id (from {@code auth.test}), whose mentions and messages are not questions
   * @param executor where events and button clicks are answered after the acknowledgement
   * @param ticker measures answer latency (a fake one in tests)
   */
  SlackApp(AnswerService answers, AgendaService agenda, Reminders reminders, SlackPoster poster, UserZones zones,
      SeenEvents seen, Clock clock, Executor executor, String botUserId, Metrics metrics, Ticker ticker) {
    this.answers = answers;
    this.agenda = agenda;
    this.replies = new AgendaReplies(agenda, reminders, answers, poster, zones, clock);
    this.poster = poster;
    this.zones = zones;
    this.seen = seen;
    this.clock = clock;
    this.executor = executor;
    this.botUserId = botUserId;
    this.metrics = metrics;
    this.ticker = ticker;
  }

  /**
   * Builds the Bolt app. The middleware is ours to choose: the {@code ssl_check} answer, the
   * signature check (HTTP mode), and the authorization with the one {@code auth.test} result the
   * caller already has, cached for good, so Bolt never calls {@code auth.test} again.
   */
  App build(Slack slack, Settings settings, AuthTestResponse bot) {
    AppConfig config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret())
        .authTestCacheEnabled(true)
        .authTestCacheExpirationMillis(-1)
        // Slack sends message_changed and other subtypes to message.im subscribers: acknowledge, ignore.
        .allEventsApiAutoAckEnabled(true)
        // Our handlers skip every bot's messages themselves; Bolt's check would call bots.info for each.
        .ignoringSelfEventsEnabled(false)
        .threadPoolSize(1)
        .build();
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new Counting(metrics));
    middleware.add(new SSLCheck(null));
    if (!settings.socketMode()) {
      middleware.add(new SignedRequests(settings.signingSecret(), clock));
    }
    middleware.add(new SingleTeamAuthorization(config, bot, null));
    App app = new App(config, slack, middleware);
    app.asOAuthApp(false);
    // The manifest names the command /istiocon; a workspace may rename it, so any command of ours is a question.
    app.command(Pattern.compile("/.+"), this::command);
    app.event(AppMentionEvent.class, this::mention);
    app.event(MessageEvent.class, this::directMessage);
    app.event(AppHomeOpenedEvent.class, this::homeOpened);
    app.blockAction(TalkCards.MORE, this::more);
    app.blockAction(TalkCards.SHARE, this::share);
    app.blockAction(TalkCards.ASK_ACTION, this::ask);
    app.blockAction(AgendaCards.ADD_ACTION, (req, ctx) -> agendaClick(req, ctx, true));
    app.blockAction(AgendaCards.REMOVE_ACTION, (req, ctx) -> agendaClick(req, ctx, false));
    // Link buttons open in the browser, but Slack still sends block_actions for them (counted as ignored).
    app.blockAction(TalkCards.LINK_ACTION, (req, ctx) -> ctx.ack());
    return app;
  }

  // ---- slash command ----------------------------------------------------------------------

  private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
    long began = ticker.read();
    Counting.counted(ctx);
    SlashCommandPayload payload = req.getPayload();
    String question = SlackText.plain(payload.getText(), botUserId);
    Optional<AgendaReplies.Command> command = AgendaReplies.command(question);
    if (command.isPresent()) {
      // The store may be slow or down: acknowledge now, answer through the response_url.
      boolean queued = later(Kind.SLASH_COMMAND, "answer " + question, () -> {
        AgendaReplies.Reply reply = replies.answer(command.get(), payload.getUserId());
        boolean sent = poster.respond(payload.getResponseUrl(), ActionResponse.builder().responseType("ephemeral")
            .text(reply.message().text()).blocks(reply.message().blocks()).build());
        record(Kind.SLASH_COMMAND, sent && reply.ok() ? Outcome.ANSWERED : Outcome.ERROR, question, null, began);
      });
      TalkCards.Message busy = TalkCards.sorry("answer that");
      return queued ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text(busy.text()).blocks(busy.blocks()));
    }
    TalkCards.Message m = commandAnswer(payload, question, began);
    return ctx.ack(r -> r.responseType("ephemeral").text(m.text()).blocks(m.blocks()));
  }

  /** Returns the asker-only answer to a slash command, or an apology when answering failed. */
  private TalkCards.Message commandAnswer(SlashCommandPayload payload, String question, long began) {
    try {
      Reply reply = reply(question, clock.instant(), TalkCards.Surface.EPHEMERAL, payload.getUserId());
      record(Kind.SLASH_COMMAND, outcome(reply.answer()), question, reply.answer(), began);
      return reply.message();
    } catch (RuntimeException e) {
      log.error("{} failed: {}", payload.getCommand(), e.toString(), e);
      metrics.request(Kind.SLASH_COMMAND, Outcome.ERROR);
      return TalkCards.sorry("answer that");
    }
  }

  // ---- events -----------------------------------------------------------------------------

  private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    long began = ticker.read();
    AppMentionEvent event = payload.getEvent();
    if (repeat(Kind.APP_MENTION, payload.getEventId(), ctx) || event.getBotId() != null || botUserId.equals(event.getUser())) {
      return ctx.ack();
    }
    Counting.counted(ctx);
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    if (!later(Kind.APP_MENTION, "answer a mention", () -> {
      if (firstAnywhere(Kind.APP_MENTION, ClaimKind.SLACK_EVENT, payload.getEventId())) {
        post(Kind.APP_MENTION, event.getChannel(), thread, event.getText(), event.getUser(), began);
      }
    })) {
      return busy(ctx, payload.getEventId());
    }
    return ctx.ack();
  }

  private Response directMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    long began = ticker.read();
    MessageEvent event = payload.getEvent();
    boolean fromPerson = event.getBotId() == null && event.getUser() != null && !botUserId.equals(event.getUser());
    if (!"im".equals(event.getChannelType()) || !fromPerson || repeat(Kind.MESSAGE_IM, payload.getEventId(), ctx)) {
      return ctx.ack();
    }
    Counting.counted(ctx);
    if (!later(Kind.MESSAGE_IM, "answer a DM", () -> {
      if (firstAnywhere(Kind.MESSAGE_IM, ClaimKind.SLACK_EVENT, payload.getEventId())) {
        post(Kind.MESSAGE_IM, event.getChannel(), event.getThreadTs(), event.getText(), event.getUser(), began);
      }
    })) {
      return busy(ctx, payload.getEventId());
    }
    return ctx.ack();
  }

  private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    long began = ticker.read();
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab()) || repeat(Kind.APP_HOME, payload.getEventId(), ctx)) {
      return ctx.ack();
    }
    Counting.counted(ctx);
    // Not claimed in the store: publishing a Home tab twice does no harm, and it is opened often.
    boolean queued = later(Kind.APP_HOME, "publish the Home tab", () -> {
      boolean published = poster.publishHome(event.getUser(), replies.home(event.getUser()));
      record(Kind.APP_HOME, published ? Outcome.ANSWERED : Outcome.ERROR, "what's on now", null, began);
    });
    return queued ? ctx.ack() : busy(ctx, payload.getEventId());
  }

  /**
   * Refuses work the answer queue cannot take (full, or the server is stopping) with a 503. For an
   * event, its id is forgotten, so Slack's retry (it retries a failed delivery three times, up to
   * minutes later, possibly to another replica) is answered rather than lost or ignored as a repeat.
   */
  private Response busy(com.slack.api.bolt.context.Context ctx, String eventId) {
    seen.forget(eventId);
    Counting.busy(ctx);
    return ctx.ack(); // replaced by a 503 in Counting, which Bolt cannot override
  }

  /**
   * Returns whether this is the first delivery of an event or a click across all replicas, by a
   * claim in the store; a repeat is counted and logged. When the store cannot say, it is answered.
   */
  private boolean firstAnywhere(Kind kind, ClaimKind claim, String id) {
    if (agenda.claim(claim, id)) {
      return true;
    }
    metrics.request(kind, Outcome.DUPLICATE);
    log.info("{} {} was already answered by another replica; not answering it again", claim, id);
    return false;
  }

  /** Returns the id a click is claimed by: Slack's trigger id, which its retries repeat. */
  private static String interaction(BlockActionPayload p) {
    if (p.getTriggerId() != null) {
      return p.getTriggerId();
    }
    String user = userOf(p);
    return user == null ? null : user + ":" + p.getActions().get(0).getActionTs();
  }

  private boolean repeat(Kind kind, String eventId, EventContext ctx) {
    if (seen.firstTime(eventId)) {
      return false;
    }
    Counting.counted(ctx);
    metrics.request(kind, Outcome.DUPLICATE);
    log.info("event {} was already answered; ignoring Slack's retry {} ({})", eventId, ctx.getRetryNum(), ctx.getRetryReason());
    return true;
  }

  private void post(Kind kind, String channel, String threadTs, String text, String user, long began) {
    String question = SlackText.plain(text, botUserId);
    Optional<AgendaReplies.Command> command = AgendaReplies.command(question);
    Optional<AgendaReplies.Reply> agendaReply = command.map(c -> kind == Kind.MESSAGE_IM ? replies.answer(c, user)
        : AgendaReplies.askPrivately(c)); // a DM is private; a thread in a channel is not
    Reply reply = agendaReply.isPresent() ? null : reply(question, clock.instant(), TalkCards.Surface.THREAD, user);
    TalkCards.Message m = agendaReply.map(AgendaReplies.Reply::message).orElseGet(() -> reply.message());
    boolean posted = poster.postMessage(ChatPostMessageRequest.builder().channel(channel).threadTs(threadTs).text(m.text())
        .blocks(m.blocks()).linkNames(false).unfurlLinks(false).unfurlMedia(false).build());
    Answer answer = reply == null ? null : reply.answer();
    boolean ok = posted && agendaReply.map(AgendaReplies.Reply::ok).orElse(true);
    record(kind, !ok ? Outcome.ERROR : answer == null ? Outcome.ANSWERED : outcome(answer), question, answer, began);
  }

  // ---- buttons ----------------------------------------------------------------------------

  private Response more(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    TalkCards.Surface surface = p.getContainer() != null && p.getContainer().isEphemeral()
        ? TalkCards.Surface.EPHEMERAL : TalkCards.Surface.THREAD;
    return page(ctx, p, "show more", true, null, surface);
  }

  private Response share(BlockActionRequest req, ActionContext ctx) {
    return page(ctx, req.getPayload(), "share an answer", false, "in_channel", TalkCards.Surface.SHARED);
  }

  /** Answers a button that carries a page token (More, Share) through the click's response_url. */
  private Response page(ActionContext ctx, BlockActionPayload p, String what, boolean replace, String responseType,
      TalkCards.Surface surface) {
    long began = ticker.read();
    Counting.counted(ctx);
    boolean queued = later(Kind.BLOCK_ACTION, what, () -> {
      if (!firstAnywhere(Kind.BLOCK_ACTION, ClaimKind.SLACK_INTERACTION, interaction(p))) {
        return;
      }
      Optional<PageToken> token = PageToken.decode(p.getActions().get(0).getValue());
      Answer answer = token.map(t -> answers.ask(t.question(), t.asked(), () -> zones.of(userOf(p)))).orElse(null);
      boolean sent = respond(p, replace, responseType, token.map(t -> Pages.draw(answer, t, surface, () -> saved(userOf(p)))));
      record(Kind.BLOCK_ACTION, sent && answer != null ? outcome(answer) : Outcome.ERROR,
          token.map(PageToken::question).orElse(""), answer, began);
    });
    return queued ? ctx.ack() : busy(ctx, null);
  }

  private Response ask(BlockActionRequest req, ActionContext ctx) {
    long began = ticker.read();
    Counting.counted(ctx);
    BlockActionPayload p = req.getPayload();
    String question = p.getActions().get(0).getValue();
    boolean queued = later(Kind.BLOCK_ACTION, "answer an example", () -> {
      if (!firstAnywhere(Kind.BLOCK_ACTION, ClaimKind.SLACK_INTERACTION, interaction(p))) {
        return;
      }
      Optional<AgendaReplies.Command> command = AgendaReplies.command(question);
      if (command.isPresent()) { // "My agenda" under a saved talk
        AgendaReplies.Reply reply = replies.answer(command.get(), userOf(p));
        boolean sent = respond(p, false, "ephemeral", Optional.of(reply.message()));
        record(Kind.BLOCK_ACTION, sent && reply.ok() ? Outcome.ANSWERED : Outcome.ERROR, question, null, began);
        return;
      }
      Optional<Reply> reply = Optional.ofNullable(question)
          .map(q -> reply(q, clock.instant(), TalkCards.Surface.EPHEMERAL, userOf(p)));
      boolean sent = respond(p, false, "ephemeral", reply.map(Reply::message));
      Answer answer = reply.map(Reply::answer).orElse(null);
      record(Kind.BLOCK_ACTION, sent && answer != null ? outcome(answer) : Outcome.ERROR, question, answer, began);
    });
    // Slack does not redeliver a click; a refused one shows the person an error to click again.
    return queued ? ctx.ack() : busy(ctx, null);
  }

  /** Answers ⭐ Save or Remove: acknowledged at once, the agenda changed and the answer sent after. */
  private Response agendaClick(BlockActionRequest req, ActionContext ctx, boolean add) {
    long began = ticker.read();
    Counting.counted(ctx);
    BlockActionPayload p = req.getPayload();
    boolean queued = later(Kind.BLOCK_ACTION, add ? "save a talk" : "remove a talk", () -> {
      if (firstAnywhere(Kind.BLOCK_ACTION, ClaimKind.SLACK_INTERACTION, interaction(p))) {
        boolean done = replies.click(p, add);
        record(Kind.BLOCK_ACTION, done ? Outcome.ANSWERED : Outcome.ERROR, AgendaReplies.describe(p, add), null, began);
      }
    });
    return queued ? ctx.ack() : busy(ctx, null);
  }

  /** Posts to the click's response_url; returns whether Slack took it. */
  private boolean respond(BlockActionPayload p, boolean replace, String responseType, Optional<TalkCards.Message> message) {
    if (p.getResponseUrl() == null) {
      log.warn("a {} click came without a response_url; nothing to answer", p.getActions().get(0).getActionId());
      return false;
    }
    TalkCards.Message m = message.orElseGet(() -> TalkCards.sorry("read that button (it may be from an older version of me)"));
    ActionResponse response = ActionResponse.builder().replaceOriginal(replace).responseType(responseType)
        .text(m.text()).blocks(m.blocks()).build();
    return poster.respond(p.getResponseUrl(), response);
  }

  // ---- shared -----------------------------------------------------------------------------

  /** An answer and its first page, rendered for one surface. */
  private record Reply(Answer answer, TalkCards.Message message) {}

  private Reply reply(String question, Instant now, TalkCards.Surface surface, String user) {
    String asked = Text.cut(question, QueryParser.MAX_LENGTH);
    Answer answer = answers.ask(question, now, () -> zones.of(user)); // "this afternoon" is the asker's
    PageToken page = new PageToken(asked, 0, now.getEpochSecond() / 60);
    return new Reply(answer, Pages.draw(answer, page, surface, () -> saved(user)));
  }

  /** Returns the talks the user saved, if known within {@link #SAVED_WAIT}; else none, and the cards offer Save. */
  private Set<TalkId> saved(String user) {
    return user == null ? Set.of() : agenda.savedIfQuick(user, SAVED_WAIT).orElse(Set.of());
  }

  private static String userOf(BlockActionPayload p) {
    return p.getUser() == null ? null : p.getUser().getId();
  }

  private static Outcome outcome(Answer answer) {
    if (answer.intent() == Query.Intent.HELP) {
      return Outcome.HELP;
    }
    return answer.isEmpty() && answer.intent() != Query.Intent.ABOUT ? Outcome.NO_RESULTS : Outcome.ANSWERED;
  }

  /** Counts an answered request, records its latency and logs it as one line with its fields. */
  private void record(Kind kind, Outcome outcome, String question, Answer answer, long began) {
    Duration took = Duration.ofNanos(Math.max(0, ticker.read() - began));
    metrics.request(kind, outcome);
    metrics.answered(kind, took);
    var line = log.atInfo().addKeyValue("kind", kind.label()).addKeyValue("outcome", outcome.label())
        .addKeyValue("query", Text.cut(question == null ? "" : question, LOGGED_QUERY));
    if (answer != null) {
      line = line.addKeyValue("intent", answer.intent().id()).addKeyValue("results", answer.total());
    }
    line = line.addKeyValue("latency_ms", took.toMillis());
    if (answer != null) {
      line = line.addKeyValue("catalog_version", answer.catalog().version());
    }
    line.log("{} {}", kind.label(), outcome.label());
  }

  /**
   * Runs work after the acknowledgement; a failure is logged and counted as an error. Returns false
   * when the answer queue refused it.
   */
  private boolean later(Kind kind, String what, Runnable work) {
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          metrics.request(kind, Outcome.ERROR);
          log.error("failed to {}: {}", what, e.toString(), e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      metrics.request(kind, Outcome.ERROR);
      log.warn("could not {}: the answer queue is full or the server is stopping; 503, so Slack delivers it again", what);
      return false;
    }
  }
}
