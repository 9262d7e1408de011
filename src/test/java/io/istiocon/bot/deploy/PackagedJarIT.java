package io.istiocon.bot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar the Dockerfile copies, as {@code mvn package} left it (failsafe runs this after the
 * package phase, so a missing jar fails rather than skips): its manifest starts the main class, and
 * the Dockerfile's JVM flags and entrypoint run it.
 */
class PackagedJarIT {
  static final Path JAR = LocalImage.JAR;

  @Test
  void jar_existsWhereTheDockerfileCopiesItFrom() throws Exception {
    DockerfileModel.Copy copy = DockerfileModel.read().copies().stream().filter(c -> c.source().endsWith(".jar")).findFirst()
        .orElseThrow();
    String workdir = DockerfileModel.read().stage(copy.fromStage()).last("WORKDIR").orElse("/");

    assertEquals(JAR, Path.of(workdir).relativize(Path.of(copy.source())));
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing after mvn package");
  }

  @Test
  void manifest_startsTheMainClass_andTheJarCarriesWhatServeNeeds() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals(Main.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
      for (String entry : List.of("io/istiocon/bot/Main.class", "io/istiocon/bot/ops/LogEncoder.class", "logback.xml",
          "org/eclipse/jetty/server/Server.class", "io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class")) {
        assertNotNull(jar.getEntry(entry), entry);
      }
    }
  }

  @Test
  void entrypoint_withItsJvmFlagsAndTrainedClassArchive_runsTheJar() throws Exception {
    List<String> command = new ArrayList<>(LocalImage.command());
    command.subList(command.indexOf("-jar") + 2, command.size()).clear();
    command.add(1, "-Xshare:on"); // fail rather than start without the archive
    command.addAll(List.of("validate", "catalog")); // instead of CMD's serve, which needs Slack

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.getInputStream().transferTo(out);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "validate did not exit");
    String output = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("OK: 1 catalog file valid."), output);
  }
}
