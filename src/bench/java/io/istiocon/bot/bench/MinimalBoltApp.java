package io.istiocon.bot.bench;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.WebEndpoint;
import com.slack.api.bolt.jetty.SlackAppServer;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * The smallest Bolt for Java app that does what the bot's hot path does, the baseline of the
 * side-by-side benchmark ({@link SideBySide}): one slash command that answers one fixed talk card,
 * {@code GET /healthz} beside it, on Bolt's own Jetty server ({@code bolt-jetty}) with Bolt's
 * default middleware (signature verification included). The card is the one the bot answers to
 * "ebpf talks" (about 1.5 KB of JSON), built once with the SDK's builders; Bolt serializes it on
 * every acknowledgement.
 *
 * <p>Configured from the environment: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_API_URL} (the Web API, for the one auth.test Bolt makes and then caches) and
 * {@code PORT}.
 */
public final class MinimalBoltApp {
  static final String TITLE = "Accelerate istio-cni with ebpf";
  private static final String TEXT = "1 session for \u201cebpf talks\u201d: " + TITLE;
  private static final List<LayoutBlock> CARD = List.of(
      section(s -> s.text(markdownText("*1 session* for \u201cebpf talks\u201d"))),
      section(s -> s.text(markdownText("*" + TITLE + "*\nYizhou Xu (Intel), Ruijing Guo (Intel)\n"
          + "Datapath between envoy(sidecar) and service is an nonnegligible part in Istio, Isito-cni inserts"
          + " iptables to intercept and redirect traffic between envoy and service, which brings costs like real"
          + " TCP/IP traffic over loopback and has to insert IPTables rules. eBPF is a revolutionary technology"
          + " that\u2026"))),
      context(List.of(markdownText("Talk \u00b7 Chinese \u00b7 <!date^1614228000^{date_short_pretty} {time}|Thu 25 Feb"
          + " 2021 04:40 UTC>\u2013<!date^1614230400^{time}|05:20 UTC>"))),
      actions(List.of(
          button(b -> b.actionId("link:watch:0").text(plainText("\u25b6 Watch")).url("https://youtu.be/B8EnWqHuS6k")),
          button(b -> b.actionId("link:slides:0").text(plainText("Slides")).url("https://events.istio.io/istiocon-2021"
              + "/slides/e7p-AccelerateIstioCNIwithebpf-XuYizhou-GuoRuijing.pdf")),
          button(b -> b.actionId("link:page:0").text(plainText("Session page")).url("https://events.istio.io/istiocon-2021"
              + "/sessions/accelerate-istio-cni-with-ebpf/")))),
      divider(),
      actions(List.of(button(b -> b.actionId("share").text(plainText("Share in channel")).value("1|0|29934006|ebpf talks")))));

  private MinimalBoltApp() {}

  /** Starts the app on {@code PORT} and serves until the process is stopped. */
  public static void main(String[] args) throws Exception {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
    App app = new App(AppConfig.builder()
        .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
        .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
        .slack(Slack.getInstance(slackConfig))
        .build());
    app.command("/istiocon", (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text(TEXT).blocks(CARD)));
    app.endpoint(WebEndpoint.Method.GET, "/healthz", (req, ctx) ->
        Response.builder().statusCode(200).contentType("text/plain; charset=utf-8").body("ok").build());
    new SlackAppServer(app, Integer.parseInt(System.getenv("PORT"))).start();
  }
}
