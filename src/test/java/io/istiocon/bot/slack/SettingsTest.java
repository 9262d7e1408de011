package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {
  // A fake token, split so that secret scanners do not take it for a real one.
  private static final Map<String, String> HTTP = Map.of("SLACK_BOT_TOKEN", "xox" + "b-1-secret-bot", "SLACK_SIGNING_SECRET", "shh-signing");

  @Test
  void fromEnv_httpMode_usesDefaults() throws Exception {
    Settings s = Settings.fromEnv(HTTP);

    assertFalse(s.socketMode());
    assertEquals(3000, s.port());
    assertEquals(Path.of("catalog"), s.catalogDir());
    assertEquals("https://slack.com/api/", s.apiUrl());
    assertNull(s.appToken());
  }

  @Test
  void fromEnv_appToken_switchesToSocketModeWithoutASigningSecret() throws Exception {
    Settings s = Settings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    assertTrue(s.socketMode());
    assertNull(s.signingSecret());
  }

  @Test
  void fromEnv_apiUrlWithoutSlash_getsOne() throws Exception {
    Settings s = Settings.fromEnv(with("SLACK_API_URL", "http://127.0.0.1:8080/api", "PORT", "0", "CATALOG_DIR", "/data"));

    assertEquals("http://127.0.0.1:8080/api/", s.apiUrl());
    assertEquals(0, s.port());
    assertEquals(Path.of("/data"), s.catalogDir());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void fromEnv_badSettings_nameTheVariableAndPointToTheReadme(String variable, Map<String, String> env, String says) {
    StartException e = assertThrows(StartException.class, () -> Settings.fromEnv(env));

    assertTrue(e.getMessage().startsWith(variable), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertTrue(e.getMessage().endsWith("see docs/operations.md#environment-variables"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-bot") || e.getMessage().contains("shh"), "never repeats a secret");
    assertEquals(0, e.getStackTrace().length, "nothing to print but the message");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("SLACK_BOT_TOKEN", Map.of("SLACK_SIGNING_SECRET", "shh"), "is not set"),
        Arguments.of("SLACK_BOT_TOKEN", Map.of("SLACK_BOT_TOKEN", "", "SLACK_SIGNING_SECRET", "shh"), "set but empty"),
        Arguments.of("SLACK_BOT_TOKEN", Map.of("SLACK_BOT_TOKEN", "xapp-1-secret-bot", "SLACK_SIGNING_SECRET", "shh"),
            "belongs in SLACK_APP_TOKEN"),
        Arguments.of("SLACK_BOT_TOKEN", Map.of("SLACK_BOT_TOKEN", "secret-bot", "SLACK_SIGNING_SECRET", "shh"), "xoxb-"),
        Arguments.of("SLACK_APP_TOKEN", with("SLACK_APP_TOKEN", "xox" + "b-1-secret-bot"), "belongs in SLACK_BOT_TOKEN"),
        Arguments.of("SLACK_APP_TOKEN", with("SLACK_APP_TOKEN", " "), "set but empty"),
        Arguments.of("SLACK_SIGNING_SECRET", Map.of("SLACK_BOT_TOKEN", "xox" + "b-1-secret-bot"), "or set SLACK_APP_TOKEN"),
        Arguments.of("PORT", with("PORT", "http"), "from 0 to 65535"),
        Arguments.of("PORT", with("PORT", "70000"), "from 0 to 65535"),
        Arguments.of("SLACK_API_URL", with("SLACK_API_URL", "slack.com/api"), "http(s) URL"),
        Arguments.of("SLACK_API_URL", with("SLACK_API_URL", "ftp://slack.com/api/"), "http(s) URL"));
  }

  @Test
  void toString_neverShowsASecret() throws Exception {
    String text = Settings.fromEnv(with("SLACK_APP_TOKEN", "xapp-1-secret-app")).toString();

    assertFalse(text.contains("secret"), text);
    assertTrue(text.contains("mode=socket"), text);
  }

  private static Map<String, String> with(String... pairs) {
    Map<String, String> env = new HashMap<>(HTTP);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }
}
