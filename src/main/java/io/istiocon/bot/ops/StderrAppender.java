package io.istiocon.bot.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes encoded log lines to standard error, many lines per {@code write} when many threads log at
 * once. Each thread encodes its own line and queues it; whichever thread finds no one writing
 * drains the queue in batches and writes them, the others go on at once. Nothing waits on a lock
 * held across a system call, no line is split or reordered, and every line is written before the
 * call that found the queue idle returns, so nothing is left behind at exit. Under the slash-command
 * load, logback's console appender (one lock and one {@code write} per line) cost a quarter of the
 * server's CPU per request, measured (docs/reliability.md).
 */
public final class StderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** The most bytes gathered into one write. */
  static final int BATCH = 64 * 1024;

  private final ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  /** Gathers a batch; only the thread that set {@link #writing} touches it. */
  private final ByteArrayOutputStream batch = new ByteArrayOutputStream(8192);
  private Encoder<ILoggingEvent> encoder;

  /** Sets the encoder that turns an event into a line (logback's configuration calls it). */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("No encoder set for the appender named \"" + name + "\".");
      return;
    }
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    byte[] line = encoder.encode(event);
    if (line == null || line.length == 0) {
      return;
    }
    pending.add(line);
    drain();
  }

  /** Writes what is queued unless another thread is writing; re-checks after letting go. */
  private void drain() {
    while (!pending.isEmpty()) {
      if (!writing.compareAndSet(false, true)) {
        return; // the writing thread will see this line when it re-checks
      }
      try {
        writeAll();
      } finally {
        writing.set(false);
      }
    }
  }

  private void write(PrintStream err) {
    try {
      batch.writeTo(err); // no copy of the batch
    } catch (java.io.IOException e) {
      addError("could not write to stderr", e); // a PrintStream does not throw; kept for the signature
    }
    err.flush();
    batch.reset();
  }

  private void writeAll() {
    PrintStream err = System.err; // looked up each time, as logback's console target does
    for (byte[] line = pending.poll(); line != null; line = pending.poll()) {
      batch.write(line, 0, line.length);
      if (batch.size() >= BATCH) {
        write(err);
      }
    }
    if (batch.size() > 0) {
      write(err);
    }
  }
}
