package io.istiocon.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.search.Answer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Renders answers as one JSON object each, the format of {@code ask --json} and {@code --batch}. */
final class JsonAnswers {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAnswers() {}

  static ObjectNode render(Answer answer, int limit) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("query", answer.query().text());
    root.put("intent", answer.intent().id());
    root.put("total", answer.total());
    ArrayNode results = root.putArray("results");
    for (Answer.Hit hit : answer.page(0, limit)) {
      result(results.addObject(), hit);
    }
    ArrayNode closest = root.putArray("closest");
    for (Answer.Hit hit : answer.closest().subList(0, Math.min(limit, answer.closest().size()))) {
      result(closest.addObject(), hit);
    }
    ArrayNode notes = root.putArray("notes");
    answer.notes().forEach(notes::add);
    ArrayNode suggestions = root.putArray("suggestions");
    answer.suggestions().forEach(suggestions::add);
    ObjectNode catalog = root.putObject("catalog");
    catalog.put("version", answer.catalog().version());
    catalog.put("digest", answer.catalog().digest());
    return root;
  }

  private static void result(ObjectNode r, Answer.Hit hit) {
    Session s = hit.session();
    r.put("id", s.id());
    r.put("conference", s.conference());
    r.put("title", s.title());
    ArrayNode speakers = r.putArray("speakers");
    for (Speaker sp : s.speakers()) {
      ObjectNode o = speakers.addObject();
      o.put("name", sp.name());
      if (sp.company() != null) {
        o.put("company", sp.company());
      } else {
        o.putNull("company");
      }
    }
    r.put("type", s.type().id());
    r.put("language", s.language());
    r.put("start", s.start().toString());
    r.put("end", s.end().toString());
    r.put("room", s.room());
    r.put("track", s.track());
    putLink(r, "video", s.video());
    putLink(r, "slides", s.slides());
    putLink(r, "page", s.page());
    r.put("score", BigDecimal.valueOf(hit.score()).setScale(3, RoundingMode.HALF_UP));
  }

  private static void putLink(ObjectNode r, String field, java.net.URI uri) {
    if (uri == null) {
      r.putNull(field);
    } else {
      r.put(field, uri.toString());
    }
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
