package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.SessionType;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An export as read, before it becomes a catalog: what the export says about the conference and
 * each of its events. Anything the export does not say is null.
 *
 * @param zone the zone the export names, or one derived from its offsets; null when it has neither
 * @param firstDay the first day the export declares, if any
 * @param lastDay the last day the export declares, if any
 * @param skipped events left out, each with its reason ("id 12: no start time")
 */
record Schedule(
    Format format,
    String acronym,
    String title,
    URI website,
    ZoneId zone,
    LocalDate firstDay,
    LocalDate lastDay,
    List<Event> events,
    List<String> skipped) {

  Schedule {
    events = List.copyOf(events);
    skipped = List.copyOf(skipped);
  }

  /**
   * One event of the export, already in our terms.
   *
   * @param id the export's id made safe for a catalog id
   * @param type the type the export states, or null when it says nothing we recognise
   * @param language a BCP 47 code, or null when the export does not say
   */
  record Event(
      String id,
      String title,
      SessionType type,
      String language,
      Instant start,
      Instant end,
      List<String> speakers,
      String abstractText,
      String room,
      String track,
      URI video,
      URI slides,
      URI page) {

    Event {
      speakers = List.copyOf(speakers);
    }

    /** Returns this event with its id, chosen once all the export's ids are known. */
    Event withId(String newId) {
      return new Event(newId, title, type, language, start, end, speakers, abstractText, room, track, video, slides, page);
    }
  }
}
