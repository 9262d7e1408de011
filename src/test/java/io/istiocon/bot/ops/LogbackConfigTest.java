package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The logging set-up {@code serve} runs with (src/main/resources/logback.xml): every line that many
 * threads log reaches stderr whole and once, in each thread's order, and is written before the
 * call that logged it returns, so a shutdown that halts the JVM loses none.
 */
class LogbackConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final LoggerContext context = new LoggerContext();
  private PrintStream realErr;

  @BeforeEach
  void configure() throws Exception {
    realErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("istiocon.log.format", "json");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackConfigTest.class.getResource("/logback.xml"));
  }

  @AfterEach
  void restore() {
    context.stop();
    System.setErr(realErr);
  }

  @Test
  void oneLine_isOnStderrWhenTheCallReturns() throws Exception {
    context.getLogger("io.istiocon.bot.Server").info("stopped after finishing all work");

    JsonNode line = JSON.readTree(text());
    assertEquals("stopped after finishing all work", line.path("message").asText());
    assertEquals("io.istiocon.bot.Server", line.path("logger").asText());
  }

  @Test
  void manyThreads_everyLineOnceWholeAndInEachThreadsOrder() throws Exception {
    int threads = 4;
    int perThread = 1_000;
    Logger log = context.getLogger("io.istiocon.bot.slack.SlackApp");
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
          log.atInfo().addKeyValue("thread_id", id).addKeyValue("n", i).addKeyValue("pad", "x".repeat(i % 300))
              .log("line {}", i);
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
    int[] next = new int[threads];
    for (String line : lines) {
      JsonNode record = JSON.readTree(line); // throws if a line was cut or two were mixed
      int thread = record.path("thread_id").asInt();
      int n = record.path("n").asInt();
      assertEquals(next[thread]++, n, "thread " + thread + " out of order or a line lost");
      assertEquals(n % 300, record.path("pad").asText().length(), "a line was cut: " + line);
    }
    for (int t = 0; t < threads; t++) {
      assertEquals(perThread, next[t]);
    }
    assertTrue(lines.stream().allMatch(l -> l.startsWith("{") && l.endsWith("}")));
  }

  private String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }
}
