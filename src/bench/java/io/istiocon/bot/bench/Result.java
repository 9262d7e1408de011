package io.istiocon.bot.bench;

import java.util.Arrays;
import java.util.Locale;

/** What one phase of the load tool measured; latencies in milliseconds. */
record Result(String name, int target, double seconds, int sent, int ok, int errors, double throughput,
    double p50, double p99, double max, double serverCpuMicros, double serverKernelMicros, double clientCpuMicros) {
  Result named(String newName) {
    return new Result(newName, target, seconds, sent, ok, errors, throughput, p50, p99, max, serverCpuMicros,
        serverKernelMicros, clientCpuMicros);
  }

  Result withCpu(double serverMicros, double serverKernelMicros, double clientMicros) {
    return new Result(name, target, seconds, sent, ok, errors, throughput, p50, p99, max, serverMicros,
        serverKernelMicros, clientMicros);
  }

  String line() {
    return String.format(Locale.ROOT, "%-40s target %5s/s  sent %6d  ok %6d  errors %4d  throughput %7.1f/s  "
        + "p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms", name, target == 0 ? "max" : Integer.toString(target), sent, ok,
        errors, throughput, p50, p99, max) + (serverCpuMicros > 0
        ? String.format(Locale.ROOT, "  server CPU %.0f µs/request (kernel %.0f), load tool %.0f µs", serverCpuMicros,
            serverKernelMicros, clientCpuMicros)
        : "");
  }

  /** Returns the result of a phase from its latencies in nanoseconds (-1 for a request that never went). */
  static Result summarize(String name, int rate, double elapsed, int sent, int ok, int errors, long[] latencies) {
    long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    double p50 = done.length == 0 ? 0 : done[(int) Math.min(done.length - 1, Math.floor(done.length * 0.50))] / 1e6;
    double p99 = done.length == 0 ? 0 : done[(int) Math.min(done.length - 1, Math.floor(done.length * 0.99))] / 1e6;
    double max = done.length == 0 ? 0 : done[done.length - 1] / 1e6;
    return new Result(name, rate, elapsed, sent, ok, errors, ok / elapsed, p50, p99, max, 0, 0, 0);
  }
}
