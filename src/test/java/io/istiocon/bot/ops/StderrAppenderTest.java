package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines from many threads reach stderr whole, each once, in each thread's order. */
class StderrAppenderTest {
  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream realErr;
  private StderrAppender appender;

  @BeforeEach
  void capture() {
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    realErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setFormat("text");
    encoder.start();
    appender = new StderrAppender();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
  }

  @AfterEach
  void restore() {
    appender.stop();
    System.setErr(realErr);
  }

  @Test
  void oneThread_everyLineIsWrittenBeforeTheCallReturns() {
    appender.doAppend(event("first"));
    assertTrue(text().endsWith("first\n"), text());

    appender.doAppend(event("second"));

    List<String> lines = text().lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).endsWith("first") && lines.get(1).endsWith("second"), lines.toString());
  }

  @Test
  void manyThreads_everyLineOnceWholeAndInEachThreadsOrder() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread thread = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          appender.doAppend(event("t" + id + " n" + i + " " + "x".repeat(i % 300)));
        }
      });
      thread.start();
      started.add(thread);
    }
    go.countDown();
    for (Thread t : started) {
      t.join();
    }

    List<String> lines = text().lines().toList();
    assertEquals(threads * perThread, lines.size());
    Set<String> seen = new HashSet<>();
    int[] next = new int[threads];
    for (String line : lines) {
      String message = line.substring(line.indexOf(" - ") + 3);
      String[] parts = message.split(" ");
      int thread = Integer.parseInt(parts[0].substring(1));
      int n = Integer.parseInt(parts[1].substring(1));
      assertEquals(next[thread]++, n, "thread " + thread + " out of order");
      assertEquals(n % 300, parts.length > 2 ? parts[2].length() : 0, "a line was cut: " + line);
      assertTrue(seen.add(message), "written twice: " + message);
    }
    for (int t = 0; t < threads; t++) {
      assertEquals(perThread, next[t]);
    }
  }

  @Test
  void withoutAnEncoder_doesNotStart() {
    StderrAppender bare = new StderrAppender();
    bare.setContext(context);
    bare.start();

    assertFalse(bare.isStarted());
  }

  private String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent("test", context.getLogger("io.istiocon.bot.ops.Test"), Level.INFO, message, null, null);
  }
}
