package io.istiocon.bot.ops;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each log event as one line: human-readable text by default, or one JSON object
 * ({@code timestamp}, {@code level}, {@code logger}, {@code thread}, {@code message}, then the
 * event's key-value pairs and MDC) when the format is {@code json}. Anything shaped like a Slack
 * token is masked in both formats.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
  /** The formats {@code LOG_FORMAT} accepts. */
  public static final List<String> FORMATS = List.of("text", "json");
  /** The text layout: time, level, the logger's simple name, the message; key-value pairs follow. */
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%nopex";

  private static final Pattern TOKEN = Pattern.compile("\\b(x(?:ox[a-z]|app))-[A-Za-z0-9-]{4,}");
  private static final Set<String> RESERVED = Set.of("timestamp", "level", "logger", "thread", "message", "error", "stack");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private final PatternLayout layout = new PatternLayout();
  private boolean json;

  /** Chooses {@code json} or {@code text} (the default; anything else is text too, and {@code serve} refuses it). */
  public void setFormat(String format) {
    this.json = "json".equalsIgnoreCase(format == null ? "" : format.strip());
  }

  /** Returns whether events are written as JSON. */
  public boolean json() {
    return json;
  }

  @Override
  public void start() {
    layout.setContext(getContext());
    layout.setPattern(TEXT_PATTERN);
    layout.start();
    super.start();
  }

  @Override
  public void stop() {
    layout.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = json ? json(event) : text(event);
    return line.getBytes(StandardCharsets.UTF_8);
  }

  /** Masks anything shaped like a Slack token ({@code xoxb-...}, {@code xapp-...}). */
  static String redact(String s) {
    return s == null ? null : TOKEN.matcher(s).replaceAll("$1-***");
  }

  /** The text line: {@link #TEXT_PATTERN}, the key-value pairs, then the stack trace if any. */
  private String text(ILoggingEvent event) {
    StringBuilder out = new StringBuilder(layout.doLayout(event));
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        out.append(' ').append(pair.key).append('=').append(textValue(pair.value));
      }
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      out.append('\n').append(ThrowableProxyUtil.asString(error));
    }
    return redact(out.append('\n').toString());
  }

  private static String textValue(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = String.valueOf(value); // the whole line is redacted once it is built
    if (plain(s)) {
      return s;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** Returns whether {@code s} can go unquoted: printable ASCII without quotes, equals signs or backslashes. */
  private static boolean plain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String json(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", redact(event.getFormattedMessage()));
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      if (pairs != null) {
        for (KeyValuePair pair : pairs) {
          g.writeFieldName(RESERVED.contains(pair.key) ? "_" + pair.key : pair.key);
          jsonValue(g, pair.value);
        }
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
          g.writeStringField(RESERVED.contains(e.getKey()) ? "_" + e.getKey() : e.getKey(), redact(e.getValue()));
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        g.writeStringField("error", redact(error.getClassName() + ": " + error.getMessage()));
        g.writeStringField("stack", redact(ThrowableProxyUtil.asString(error)));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  private static void jsonValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value == null) {
      g.writeNull();
    } else {
      g.writeString(redact(value.toString()));
    }
  }
}
