package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.KeyValuePair;

/** One log line per event, as text or JSON, with the event's fields and never a token. */
class LogEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoggerContext context = new LoggerContext();

  LogEncoderTest() {
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
  }

  @Test
  void json_writesOneObjectWithTheStandardFieldsThenThePairs() throws Exception {
    LoggingEvent event = event("slash_command {}", "answered");
    event.addKeyValuePair(new KeyValuePair("kind", "slash_command"));
    event.addKeyValuePair(new KeyValuePair("query", "ebpf talks"));
    event.addKeyValuePair(new KeyValuePair("results", 1));
    event.addKeyValuePair(new KeyValuePair("latency_ms", 12L));
    event.addKeyValuePair(new KeyValuePair("message", "clashes with a standard field"));
    event.setMDCPropertyMap(Map.of("request", "r1"));

    String line = encode("json", event);

    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
    JsonNode json = JSON.readTree(line);
    assertTrue(json.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), line);
    assertEquals("INFO", json.path("level").asText());
    assertEquals("io.istiocon.bot.slack.SlackApp", json.path("logger").asText());
    assertEquals("slash_command answered", json.path("message").asText());
    assertEquals("slash_command", json.path("kind").asText());
    assertEquals("ebpf talks", json.path("query").asText());
    assertTrue(json.path("results").isIntegralNumber());
    assertEquals(12, json.path("latency_ms").asInt());
    assertEquals("clashes with a standard field", json.path("_message").asText());
    assertEquals("r1", json.path("request").asText());
  }

  @Test
  void json_exceptionGoesIntoErrorAndStackFields() throws Exception {
    LoggingEvent event = event("failed to {}", "answer a mention");
    event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));

    JsonNode json = JSON.readTree(encode("json", event));

    assertEquals("java.lang.IllegalStateException: boom", json.path("error").asText());
    assertTrue(json.path("stack").asText().contains("at io.istiocon.bot.ops.LogEncoderTest"), json.toString());
  }

  @Test
  void text_isTheReadableLineWithThePairsAfterIt() {
    LoggingEvent event = event("slash_command {}", "answered");
    event.addKeyValuePair(new KeyValuePair("kind", "slash_command"));
    event.addKeyValuePair(new KeyValuePair("query", "who is \"posta\"?"));
    event.addKeyValuePair(new KeyValuePair("results", 3));

    String line = encode("text", event);

    assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  SlackApp - slash_command answered "
        + "kind=slash_command query=\"who is \\\\\"posta\\\\\"\\?\" results=3\n"), line);
  }

  @ParameterizedTest
  @CsvSource({"text", "json"})
  void anyFormat_keepsAQuestionWithNewlinesOnOneLine(String format) {
    LoggingEvent event = event("answered", null);
    event.addKeyValuePair(new KeyValuePair("query", "ebpf\n12:00:00.000 ERROR forged line\r"));

    String line = encode(format, event);

    assertEquals(1, line.split("\n", -1).length - 1, line);
  }

  @ParameterizedTest
  @CsvSource({"text", "json"})
  void anyFormat_masksSlackTokens(String format) {
    // Fake tokens, split so that secret scanners do not take them for real ones.
    LoggingEvent event = event("calling with {}", "token=xox" + "b-1234-5678-abcdEFGH and xapp-1-A0001-99-ffff");
    event.addKeyValuePair(new KeyValuePair("query", "my token is xox" + "p-9999-8888-secret"));
    event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("bad xox" + "b-4444-5555-zz")));

    String line = encode(format, event);

    for (String secret : new String[] {"1234-5678-abcdEFGH", "A0001-99-ffff", "9999-8888-secret", "4444-5555-zz"}) {
      assertFalse(line.contains(secret), secret + " in " + line);
    }
    assertTrue(line.contains("xoxb-***") && line.contains("xapp-***") && line.contains("xoxp-***"), line);
  }

  @ParameterizedTest
  @CsvSource({"json,true", "JSON,true", "' json ',true", "text,false", "xml,false", "'',false"})
  void setFormat_choosesJsonOnlyForJson(String format, boolean json) {
    LogEncoder encoder = new LogEncoder();
    encoder.setFormat(format);

    assertEquals(json, encoder.json());
  }

  private LoggingEvent event(String message, Object arg) {
    return new LoggingEvent("test", context.getLogger("io.istiocon.bot.slack.SlackApp"), Level.INFO, message, null,
        arg == null ? null : new Object[] {arg});
  }

  private String encode(String format, LoggingEvent event) {
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    try {
      return new String(encoder.encode(event), StandardCharsets.UTF_8);
    } finally {
      encoder.stop();
    }
  }
}
