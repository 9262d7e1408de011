package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An answer keeps what adapters drew from it, so a cached answer asked again is drawn once. */
class AnswerRenderingsTest {
  @Test
  void get_drawsOncePerKey() {
    Answer.Renderings renderings = new Answer.Renderings();
    AtomicInteger drawn = new AtomicInteger();

    Object first = renderings.get("page 1", () -> new Object[] {drawn.incrementAndGet()});
    Object again = renderings.get("page 1", () -> new Object[] {drawn.incrementAndGet()});
    Object other = renderings.get("page 2", () -> new Object[] {drawn.incrementAndGet()});

    assertSame(first, again);
    assertNotSame(first, other);
    assertEquals(2, drawn.get());
  }

  @Test
  void get_beyondTheLimitDrawsEachTimeAndKeepsNothingMore() {
    Answer.Renderings renderings = new Answer.Renderings();
    for (int i = 0; i < Answer.Renderings.MAX; i++) {
      renderings.get(i, Object::new);
    }
    AtomicInteger drawn = new AtomicInteger();
    renderings.get("one more", () -> drawn.incrementAndGet());
    renderings.get("one more", () -> drawn.incrementAndGet());
    assertEquals(2, drawn.get(), "a page no longer kept is drawn again");
  }
}
