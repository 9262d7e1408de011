package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest asks Slack for exactly what the handlers use. */
class ManifestTest {
  private static JsonNode manifest() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/slack-app-manifest.yml").toFile());
  }

  @Test
  void manifest_declaresTheCommandScopesEventsInteractivityAndTabs() throws Exception {
    JsonNode m = manifest();

    assertEquals("/istiocon", m.at("/features/slash_commands/0/command").asText());
    assertEquals(List.of("commands", "chat:write", "app_mentions:read", "im:history", "im:write", "users:read"),
        texts(m.at("/oauth_config/scopes/bot")));
    assertEquals(List.of("app_mention", "message.im", "app_home_opened"), texts(m.at("/settings/event_subscriptions/bot_events")));
    assertTrue(m.at("/settings/interactivity/is_enabled").asBoolean());
    assertTrue(m.at("/features/app_home/home_tab_enabled").asBoolean());
    assertTrue(m.at("/features/app_home/messages_tab_enabled").asBoolean());
  }

  @Test
  void manifest_sendsEverythingToTheOneEndpoint() throws Exception {
    JsonNode m = manifest();

    for (String pointer : List.of("/features/slash_commands/0/url", "/settings/event_subscriptions/request_url",
        "/settings/interactivity/request_url")) {
      assertTrue(m.at(pointer).asText().endsWith("/slack/events"), pointer);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
