package io.istiocon.bot.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgendaEntryTest {
  private static final Instant T0 = Instant.parse("2021-02-22T16:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void new_blankId_isRefusedNamingTheField(String blank) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AgendaEntry("U1", "istiocon-2021", blank, T0));

    assertTrue(e.getMessage().startsWith("session must be 1 to 64 characters"), e.getMessage());
  }

  @Test
  void new_idLongerThan64_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AgendaEntry("U".repeat(65), "c", "s", T0));
    assertEquals(64, new AgendaEntry("U".repeat(64), "c", "s", T0).userId().length());
  }

  @Test
  void isFor_matchesConferenceAndSession() {
    AgendaEntry e = new AgendaEntry("U1", "istiocon-2021", "e7p", T0);

    assertTrue(e.isFor("istiocon-2021", "e7p"));
    assertFalse(e.isFor("istiocon-2022", "e7p"));
    assertFalse(e.isFor("istiocon-2021", "k1"));
  }

  @Test
  void forgotten_negativeCount_isRefused_andZeroIsNothing() {
    assertThrows(IllegalArgumentException.class, () -> new Forgotten(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Forgotten(0, -1));
    assertTrue(new Forgotten(0, 0).isEmpty());
    assertFalse(new Forgotten(2, 0).isEmpty());
    assertFalse(new Forgotten(0, 1).isEmpty());
  }
}
