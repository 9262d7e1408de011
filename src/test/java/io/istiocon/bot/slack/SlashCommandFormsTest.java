package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our slash-command form reader gives exactly the payload Bolt's parser gives, for any body it takes. */
class SlashCommandFormsTest {
  private static final String[] KEYS = {"token", "team_id", "team_domain", "enterprise_id", "enterprise_name",
      "api_app_id", "channel_id", "channel_name", "user_id", "user_name", "command", "text", "response_url",
      "trigger_id", "is_enterprise_install", "unknown_field", "Text", " text", "text\n"};
  private static final String[] VALUES = {"", "x", "/istiocon", "ebpf talks", "what's on now?", "流量管理",
      "<!channel> & <@U123>", "a=b", "100%", "true", " TRUE ", "false", "line\none", "😀 emoji", "\u200f\u200b",
      "https://hooks.slack.com/commands/T1/2/x?y=z&w"};

  private final SlashCommandPayloadParser bolt = new SlashCommandPayloadParser();

  @Test
  void aSlashCommandAsSlackSendsIt_readsEveryField() {
    String body = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001"
        + "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697"
        + "&user_name=Steve&command=%2Fistiocon&text=talks+in+chinese&api_app_id=A123456"
        + "&is_enterprise_install=true&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678"
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0";

    SlashCommandPayload ours = SlashCommandForms.parse(body);

    assertEquals(bolt.parse(body), ours);
    assertEquals("talks in chinese", ours.getText());
    assertEquals("/istiocon", ours.getCommand());
    assertTrue(ours.isEnterpriseInstall());
  }

  @Test
  void randomFormBodies_sameResultAsBolt() {
    Random random = new Random(20210222L);
    int compared = 0;
    for (int i = 0; i < 5_000; i++) {
      String body = randomBody(random);
      SlashCommandPayload ours;
      try {
        ours = SlashCommandForms.parse(body);
      } catch (IllegalArgumentException e) {
        assertThrows(IllegalArgumentException.class, () -> bolt.parse(body), body);
        continue;
      }
      boolean boltSeesACommand = new SlashCommandPayloadDetector().isCommand(body) && !body.contains("payload=");
      if (ours == null) {
        assertTrue(!boltSeesACommand || body.strip().startsWith("{"), "we refused a command Bolt takes: " + body);
        continue;
      }
      assertTrue(boltSeesACommand, "we took a body Bolt does not read as a command: " + body);
      assertEquals(bolt.parse(body), ours, body);
      compared++;
    }
    assertTrue(compared > 2_000, "too few bodies compared: " + compared);
  }

  @Test
  void notASlashCommand_isLeftToBolt() {
    assertNull(SlashCommandForms.parse("{\"type\":\"event_callback\",\"command\":\"/x\"}"));
    assertNull(SlashCommandForms.parse("  [1,2]"));
    assertNull(SlashCommandForms.parse("payload=%7B%7D&command=%2Fx"));
    assertNull(SlashCommandForms.parse("token=x&ssl_check=1"));
    assertNull(SlashCommandForms.parse(""));
    assertNull(SlashCommandForms.parse(null));
  }

  @Test
  void emptyText_staysUnsetAsInBolt() {
    SlashCommandPayload ours = SlashCommandForms.parse("command=%2Fistiocon&text=");

    assertNull(ours.getText());
    assertEquals(bolt.parse("command=%2Fistiocon&text="), ours);
  }

  @Test
  void malformedPercentEncoding_throwsLikeBolt() {
    assertThrows(IllegalArgumentException.class, () -> SlashCommandForms.parse("command=%2Fx&text=%ZZ"));
    assertThrows(IllegalArgumentException.class, () -> bolt.parse("command=%2Fx&text=%ZZ"));
  }

  private static String randomBody(Random random) {
    List<String> pairs = new ArrayList<>();
    if (random.nextInt(10) > 0) {
      pairs.add("command=" + URLEncoder.encode("/istiocon", StandardCharsets.UTF_8));
    }
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      String value = VALUES[random.nextInt(VALUES.length)];
      String encodedKey = random.nextInt(8) == 0 ? key : URLEncoder.encode(key, StandardCharsets.UTF_8);
      String encodedValue = switch (random.nextInt(10)) {
        case 0 -> value; // raw: '=', '&', '%' and spaces unencoded
        case 1 -> value + "=" + value;
        case 2 -> "%ZZ";
        case 3 -> random.nextBoolean() ? "=" + value : value + "==";
        default -> URLEncoder.encode(value, StandardCharsets.UTF_8);
      };
      pairs.add(random.nextInt(15) == 0 ? encodedKey : encodedKey + "=" + encodedValue);
    }
    java.util.Collections.shuffle(pairs, random);
    String body = String.join("&", pairs);
    return switch (random.nextInt(20)) {
      case 0 -> body + "&&";
      case 1 -> "&" + body;
      case 2 -> "=&" + body + "&=";
      default -> body;
    };
  }
}
