package io.istiocon.bot.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5545 section 3.1, checked on the bytes as sent rather than through a library: every line ends
 * in CRLF (no bare CR or LF), is at most 75 octets, and is whole UTF-8 on its own (a fold never
 * splits a character); a continued line starts with one space.
 */
final class ContentLines {
  private ContentLines() {}

  /** Checks the rules and returns the logical lines, unfolded. */
  static List<String> check(byte[] body) {
    assertTrue(body.length >= 2 && body[body.length - 2] == '\r' && body[body.length - 1] == '\n', "ends in CRLF");
    List<String> logical = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '\r' || body[i] == '\n') {
        if (body[i] == '\n' || i + 1 >= body.length || body[i + 1] != '\n') {
          fail("bare " + (body[i] == '\r' ? "CR" : "LF") + " at byte " + i + " (line " + (logical.size() + 1) + ")");
        }
        int octets = i - start;
        String line = strictUtf8(body, start, octets, logical.size() + 1);
        assertTrue(octets <= Folding.MAX_OCTETS, octets + " octets in line \"" + line + "\"");
        if (line.startsWith(" ")) {
          assertTrue(!logical.isEmpty(), "the first line is not a continuation");
          logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
        } else {
          logical.add(line);
        }
        i++; // the LF
        start = i + 1;
      }
    }
    assertEquals(body.length, start, "nothing after the last CRLF");
    return logical;
  }

  private static String strictUtf8(byte[] body, int offset, int length, int lineNumber) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(body, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("line " + lineNumber + " is not whole UTF-8: a fold split a character", e);
    }
  }
}
