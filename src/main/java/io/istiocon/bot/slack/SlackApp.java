package io.istiocon.bot.slack;

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
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryParser;
import io.istiocon.bot.service.AnswerService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /istiocon}, mentions, DMs, the Home tab and the buttons, all answered by
 * the {@link AnswerService} and rendered by {@link TalkCards}. Events are acknowledged at once and
 * answered on the executor; slash commands are answered in the acknowledgement itself.
 */
final class SlackApp {
  private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

  private final AnswerService answers;
  private final SlackPoster poster;
  private final SeenEvents seen;
  private final Clock clock;
  private final Executor executor;
  private final String botUserId;

  /**
   * Creates the handlers.
   *
   * @param botUserId the bot's own user id (from {@code auth.test}), whose mentions and messages are not questions
   * @param executor where events and button clicks are answered after the acknowledgement
   */
  SlackApp(AnswerService answers, SlackPoster poster, SeenEvents seen, Clock clock, Executor executor, String botUserId) {
    this.answers = answers;
    this.poster = poster;
    this.seen = seen;
    this.clock = clock;
    this.executor = executor;
    this.botUserId = botUserId;
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
    // Link buttons open in the browser, but Slack still sends block_actions for them.
    app.blockAction(TalkCards.LINK_ACTION, (req, ctx) -> ctx.ack());
    return app;
  }

  // ---- slash command ----------------------------------------------------------------------

  private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
    TalkCards.Message message;
    try {
      SlashCommandPayload payload = req.getPayload();
      message = reply(SlackText.plain(payload.getText(), botUserId), clock.instant(), TalkCards.Surface.EPHEMERAL);
    } catch (RuntimeException e) {
      log.error("{} failed: {}", req.getPayload().getCommand(), e.toString(), e);
      message = TalkCards.sorry("answer that");
    }
    TalkCards.Message m = message;
    return ctx.ack(r -> r.responseType("ephemeral").text(m.text()).blocks(m.blocks()));
  }

  // ---- events -----------------------------------------------------------------------------

  private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (repeat(payload.getEventId(), ctx) || event.getBotId() != null || botUserId.equals(event.getUser())) {
      return ctx.ack();
    }
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    later("answer a mention", () -> post(event.getChannel(), thread, event.getText()));
    return ctx.ack();
  }

  private Response directMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    boolean fromPerson = event.getBotId() == null && event.getUser() != null && !botUserId.equals(event.getUser());
    if (!"im".equals(event.getChannelType()) || !fromPerson || repeat(payload.getEventId(), ctx)) {
      return ctx.ack();
    }
    later("answer a DM", () -> post(event.getChannel(), event.getThreadTs(), event.getText()));
    return ctx.ack();
  }

  private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab()) || repeat(payload.getEventId(), ctx)) {
      return ctx.ack();
    }
    later("publish the Home tab", () -> {
      Instant now = clock.instant();
      Answer on = answers.ask("what's on now", now);
      Answer next = answers.ask("what's next", now);
      Answer popular = answers.ask("most watched sessions", now);
      poster.publishHome(event.getUser(), TalkCards.home(on.catalog(), on, next, popular));
    });
    return ctx.ack();
  }

  private boolean repeat(String eventId, EventContext ctx) {
    if (seen.firstTime(eventId)) {
      return false;
    }
    log.info("event {} was already answered; ignoring Slack's retry {} ({})", eventId, ctx.getRetryNum(), ctx.getRetryReason());
    return true;
  }

  private void post(String channel, String threadTs, String text) {
    TalkCards.Message m = reply(SlackText.plain(text, botUserId), clock.instant(), TalkCards.Surface.THREAD);
    poster.postMessage(ChatPostMessageRequest.builder().channel(channel).threadTs(threadTs).text(m.text())
        .blocks(m.blocks()).linkNames(false).unfurlLinks(false).unfurlMedia(false).build());
  }

  // ---- buttons ----------------------------------------------------------------------------

  private Response more(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    TalkCards.Surface surface = p.getContainer() != null && p.getContainer().isEphemeral()
        ? TalkCards.Surface.EPHEMERAL : TalkCards.Surface.THREAD;
    later("show more", () -> respond(p, true, null, token(p)
        .map(t -> TalkCards.answer(answers.ask(t.question(), t.asked()), t, surface))));
    return ctx.ack();
  }

  private Response share(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    later("share an answer", () -> respond(p, false, "in_channel", token(p)
        .map(t -> TalkCards.answer(answers.ask(t.question(), t.asked()), t, TalkCards.Surface.SHARED))));
    return ctx.ack();
  }

  private Response ask(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String question = p.getActions().get(0).getValue();
    later("answer an example", () -> respond(p, false, "ephemeral", Optional.ofNullable(question)
        .map(q -> reply(q, clock.instant(), TalkCards.Surface.EPHEMERAL))));
    return ctx.ack();
  }

  private static Optional<PageToken> token(BlockActionPayload p) {
    return PageToken.decode(p.getActions().get(0).getValue());
  }

  private void respond(BlockActionPayload p, boolean replace, String responseType, Optional<TalkCards.Message> message) {
    if (p.getResponseUrl() == null) {
      log.warn("a {} click came without a response_url; nothing to answer", p.getActions().get(0).getActionId());
      return;
    }
    TalkCards.Message m = message.orElseGet(() -> TalkCards.sorry("read that button (it may be from an older version of me)"));
    ActionResponse response = ActionResponse.builder().replaceOriginal(replace).responseType(responseType)
        .text(m.text()).blocks(m.blocks()).build();
    poster.respond(p.getResponseUrl(), response);
  }

  // ---- shared -----------------------------------------------------------------------------

  private TalkCards.Message reply(String question, Instant now, TalkCards.Surface surface) {
    String asked = question.codePointCount(0, question.length()) > QueryParser.MAX_LENGTH
        ? question.substring(0, question.offsetByCodePoints(0, QueryParser.MAX_LENGTH)) : question;
    Answer answer = answers.ask(question, now);
    return TalkCards.answer(answer, new PageToken(asked, 0, now.getEpochSecond() / 60), surface);
  }

  /** Runs work after the acknowledgement; a failure is logged and answered with an apology where possible. */
  private void later(String what, Runnable work) {
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("failed to {}: {}", what, e.toString(), e);
        }
      });
    } catch (RejectedExecutionException e) {
      log.warn("could not {}: shutting down", what);
    }
  }
}
