package io.istiocon.bot.slack;

import io.istiocon.bot.agenda.TalkId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ⭐ Save or Remove button acts on, carried in the button's value so that any replica can
 * answer the click: the talk, where the button sits (which decides how the click is answered) and,
 * on a page of an answer, the page to draw again.
 *
 * @param page the page the card is on, for {@link Place#PAGE}; null elsewhere
 */
record AgendaAction(Place place, TalkId talk, PageToken page) {
  private static final String VERSION = "1";

  /** Where a button sits. */
  enum Place {
    /** A card in an answer only the asker sees: the page is drawn again in place. */
    PAGE("p"),
    /** A card others may see too (a thread, a shared answer) or a confirmation: answered only to the clicker. */
    CARD("c"),
    /** A line of the agenda: the agenda is drawn again in place. */
    AGENDA("a"),
    /** The Home tab: it is published again. */
    HOME("h");

    private final String code;

    Place(String code) {
      this.code = code;
    }

    static Optional<Place> of(String code) {
      for (Place place : values()) {
        if (place.code.equals(code)) {
          return Optional.of(place);
        }
      }
      return Optional.empty();
    }
  }

  AgendaAction {
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(talk, "talk");
    if ((place == Place.PAGE) != (page != null)) {
      throw new IllegalArgumentException("a page token goes with a card on a page, and only there");
    }
  }

  /** Returns an action for a button anywhere but on a page. */
  static AgendaAction at(Place place, TalkId talk) {
    return new AgendaAction(place, talk, null);
  }

  /** Returns the button value: at most about 1,160 characters, under Block Kit's 2,000. */
  String encode() {
    return VERSION + "|" + place.code + "|" + talk.conference() + "|" + talk.session() + (page == null ? "" : "|" + page.encode());
  }

  /** Reads a button value; empty for anything this version did not write. */
  static Optional<AgendaAction> decode(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\|", 5);
    if (parts.length < 4 || !parts[0].equals(VERSION) || parts[2].isEmpty() || parts[3].isEmpty()) {
      return Optional.empty();
    }
    Optional<Place> place = Place.of(parts[1]);
    if (place.isEmpty()) {
      return Optional.empty();
    }
    TalkId talk = new TalkId(parts[2], parts[3]);
    if (place.get() != Place.PAGE) {
      return parts.length == 4 ? Optional.of(at(place.get(), talk)) : Optional.empty();
    }
    return parts.length == 5
        ? PageToken.decode(parts[4]).map(page -> new AgendaAction(Place.PAGE, talk, page))
        : Optional.empty();
  }
}
