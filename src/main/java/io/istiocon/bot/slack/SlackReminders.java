package io.istiocon.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatDeleteScheduledMessageResponse;
import com.slack.api.methods.response.chat.ChatScheduleMessageResponse;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.service.ReminderSender;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReminderSender} on Slack's Web API: {@code chat.scheduleMessage} into the user's DM (the
 * user id as channel; Slack answers with the DM channel, which the delete needs), with the talk card
 * rendered by {@link TalkCards}; {@code chat.deleteScheduledMessage}; and notices posted with
 * {@link SlackPoster} (which waits out 429s). Scheduling and deleting make one attempt each and
 * report Slack's refusal, so the service keeps a rate-limited reminder pending instead of waiting.
 */
final class SlackReminders implements ReminderSender {
  private static final Logger log = LoggerFactory.getLogger(SlackReminders.class);
  private static final String SCHEDULE = "chat.scheduleMessage";
  private static final String DELETE = "chat.deleteScheduledMessage";

  private final MethodsClient methods;
  private final SlackPoster poster;
  private final Metrics metrics;

  SlackReminders(MethodsClient methods, SlackPoster poster, Metrics metrics) {
    this.methods = methods;
    this.poster = poster;
    this.metrics = metrics;
  }

  @Override
  public Result schedule(String userId, Session talk, Instant postAt) {
    TalkCards.Message m = ReminderCards.reminder(talk, Duration.between(postAt, talk.start()));
    try {
      ChatScheduleMessageResponse r = methods.chatScheduleMessage(b -> b.channel(userId)
          .postAt((int) postAt.getEpochSecond()).text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false));
      if (r.isOk() && r.getScheduledMessageId() != null) {
        metrics.slackCall(SCHEDULE, null);
        return Result.scheduled(r.getChannel() == null ? userId : r.getChannel(), r.getScheduledMessageId());
      }
      metrics.slackCall(SCHEDULE, "refused");
      Kind kind = switch (String.valueOf(r.getError())) {
        case "time_in_past" -> Kind.TIME_IN_PAST;
        case "time_too_far" -> Kind.TIME_TOO_FAR;
        case "restricted_too_many" -> Kind.TOO_MANY;
        case "ratelimited", "rate_limited" -> Kind.RATE_LIMITED;
        case "internal_error", "fatal_error", "service_unavailable", "request_timeout" -> Kind.FAILED;
        default -> Kind.REFUSED;
      };
      return kind == Kind.RATE_LIMITED ? Result.rateLimited(Duration.ofSeconds(1)) : Result.of(kind, r.getError());
    } catch (SlackApiException e) {
      return httpFailure(SCHEDULE, e);
    } catch (IOException e) {
      metrics.slackCall(SCHEDULE, "network");
      log.warn("{} failed: {}; the reminder stays pending", SCHEDULE, e.toString());
      return Result.of(Kind.FAILED, e.toString());
    } catch (RuntimeException e) {
      metrics.slackCall(SCHEDULE, "unexpected");
      log.error("{} failed unexpectedly: {}", SCHEDULE, e.toString(), e);
      return Result.of(Kind.FAILED, e.toString());
    }
  }

  @Override
  public Result delete(String channel, String scheduledMessageId) {
    try {
      ChatDeleteScheduledMessageResponse r = methods.chatDeleteScheduledMessage(b -> b.channel(channel)
          .scheduledMessageId(scheduledMessageId));
      if (r.isOk()) {
        metrics.slackCall(DELETE, null);
        return Result.of(Kind.OK, null);
      }
      metrics.slackCall(DELETE, "refused");
      return Result.of("invalid_scheduled_message_id".equals(r.getError()) ? Kind.GONE : Kind.REFUSED, r.getError());
    } catch (SlackApiException e) {
      return httpFailure(DELETE, e);
    } catch (IOException | RuntimeException e) {
      metrics.slackCall(DELETE, "network");
      log.warn("{} failed: {}; kept to delete later", DELETE, e.toString());
      return Result.of(Kind.FAILED, e.toString());
    }
  }

  @Override
  public boolean notice(String userId, Notice notice) {
    return dm(userId, ReminderCards.notice(notice));
  }

  @Override
  public boolean refused(String userId, Session talk, Kind why) {
    return dm(userId, ReminderCards.refusedLater(talk, why));
  }

  @Override
  public boolean announce(String channel, List<Notice> notices) {
    return post(channel, ReminderCards.announcement(notices));
  }

  private boolean dm(String userId, TalkCards.Message m) {
    return post(userId, m);
  }

  private boolean post(String channel, TalkCards.Message m) {
    return poster.postMessage(ChatPostMessageRequest.builder().channel(channel).text(m.text()).blocks(m.blocks())
        .linkNames(false).unfurlLinks(false).unfurlMedia(false).build());
  }

  private Result httpFailure(String method, SlackApiException e) {
    int status = e.getResponse().code();
    if (status == 429) {
      metrics.slackCall(method, "rate_limited");
      return Result.rateLimited(SlackPoster.retryAfter(e.getResponse().header("Retry-After")));
    }
    metrics.slackCall(method, status >= 500 ? "server_error" : "refused");
    log.warn("{} failed: HTTP {}", method, status);
    return Result.of(status >= 500 ? Kind.FAILED : Kind.REFUSED, "HTTP " + status);
  }
}
