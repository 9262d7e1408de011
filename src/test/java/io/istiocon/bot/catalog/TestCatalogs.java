package io.istiocon.bot.catalog;

import io.istiocon.bot.files.CatalogReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Test data: builders with sensible defaults, and the bundled real catalog. */
public final class TestCatalogs {
  private TestCatalogs() {}

  /** The conference every built session belongs to. */
  public static final String CONFERENCE = "testcon";

  /** Reads catalog/istiocon-2021.yaml as shipped; fails the test if it has any problem. */
  public static Catalog real() {
    CatalogReader.FileResult result = new CatalogReader().read(Path.of("catalog/istiocon-2021.yaml"), "catalog/istiocon-2021.yaml");
    if (!result.ok()) {
      throw new AssertionError("bundled catalog has problems: " + result.problems());
    }
    return new Catalog(1, "real", List.of(result.conference()));
  }

  /** Starts a session with defaults: a talk in English on 2021-02-22 at 16:00 UTC for 40 minutes. */
  public static SessionBuilder session(String id) {
    return new SessionBuilder(id);
  }

  /** Wraps sessions into a one-conference catalog running 2021-02-22 to 2021-02-26 in Los Angeles. */
  public static Catalog catalogOf(SessionBuilder... sessions) {
    List<Session> list = new ArrayList<>();
    for (SessionBuilder b : sessions) {
      list.add(b.build());
    }
    Conference conference = new Conference(CONFERENCE, "TestCon", LocalDate.of(2021, 2, 22), LocalDate.of(2021, 2, 26),
        ZoneId.of("America/Los_Angeles"), URI.create("https://example.org/"), "", Map.of(), list);
    return new Catalog(1, "test", List.of(conference));
  }

  /** A session under construction. */
  public static final class SessionBuilder {
    private final String id;
    private String title;
    private SessionType type = SessionType.TALK;
    private String language = "en";
    private Instant start = Instant.parse("2021-02-22T16:00:00Z");
    private int minutes = 40;
    private final List<Speaker> speakers = new ArrayList<>();
    private String abstractText = "";
    private final List<String> tags = new ArrayList<>();
    private URI video;
    private URI slides;
    private URI page;
    private String summary = "";
    private OptionalInt popularity = OptionalInt.empty();
    private String room;
    private String track;

    private SessionBuilder(String id) {
      this.id = id;
      this.title = "Session " + id;
    }

    public SessionBuilder title(String value) {
      title = value;
      return this;
    }

    public SessionBuilder type(SessionType value) {
      type = value;
      return this;
    }

    public SessionBuilder language(String value) {
      language = value;
      return this;
    }

    public SessionBuilder at(String instant) {
      start = Instant.parse(instant);
      return this;
    }

    public SessionBuilder minutes(int value) {
      minutes = value;
      return this;
    }

    public SessionBuilder speaker(String name, String company) {
      speakers.add(Speaker.of(name, company));
      return this;
    }

    public SessionBuilder about(String value) {
      abstractText = value;
      return this;
    }

    public SessionBuilder tags(String... values) {
      tags.addAll(List.of(values));
      return this;
    }

    public SessionBuilder video(String url) {
      video = URI.create(url);
      return this;
    }

    public SessionBuilder slides(String url) {
      slides = URI.create(url);
      return this;
    }

    public SessionBuilder page(String url) {
      page = URI.create(url);
      return this;
    }

    public SessionBuilder summary(String value) {
      summary = value;
      return this;
    }

    public SessionBuilder popularity(int viewers) {
      popularity = OptionalInt.of(viewers);
      return this;
    }

    public SessionBuilder room(String value) {
      room = value;
      return this;
    }

    public SessionBuilder track(String value) {
      track = value;
      return this;
    }

    public Session build() {
      return new Session(CONFERENCE, id, title, type, language, false, start, start.plusSeconds(minutes * 60L),
          speakers, abstractText, summary, tags, video, slides, page, popularity, room, track);
    }
  }
}
