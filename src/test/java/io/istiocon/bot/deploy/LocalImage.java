package io.istiocon.bot.deploy;

import io.istiocon.bot.ops.ChildBot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The image's start command mapped onto this checkout, as deploy/image-command.py maps it: the jar
 * from target/, and the class archive written once by the Dockerfile's own training step into a
 * temporary folder.
 */
final class LocalImage {
  static final Path JAR = Path.of("target/istiocon-bot.jar");
  private static final String APP = "/app/";
  private static Path archives;

  private LocalImage() {}

  /** Returns ENTRYPOINT then CMD, mapped, after running the training step on the first call. */
  static synchronized List<String> command() throws Exception {
    if (archives == null) {
      Path dir = Files.createTempDirectory("istiocon-image");
      dir.toFile().deleteOnExit();
      train(dir);
      archives = dir;
    }
    List<String> command = new ArrayList<>(DockerfileModel.read().entrypoint());
    command.addAll(DockerfileModel.read().cmd());
    return map(command, archives);
  }

  /** Runs the Dockerfile's training step with the image's environment; it must stop at auth.test and write the archive. */
  static Path train(Path dir) throws Exception {
    DockerfileModel docker = DockerfileModel.read();
    DockerfileModel.Training training = docker.training();
    List<String> command = map(training.command(), dir);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("training.log").toFile());
    builder.environment().clear();
    Map<String, String> env = new HashMap<>(docker.env());
    env.put("CATALOG_DIR", "catalog");
    env.putAll(training.env());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the training step did not finish within 60 s");
    }
    Path archive = Path.of(command.stream().filter(w -> w.startsWith("-XX:ArchiveClassesAtExit="))
        .findFirst().orElseThrow().substring("-XX:ArchiveClassesAtExit=".length()));
    String log = Files.readString(dir.resolve("training.log"), StandardCharsets.UTF_8);
    if (process.exitValue() != 2 || !log.contains("could not reach the Slack Web API") || Files.size(archive) == 0) {
      throw new AssertionError("the training step should stop at auth.test (exit 2) and write " + archive + "; exit "
          + process.exitValue() + ":\n" + log);
    }
    return archive;
  }

  /** Maps image paths: the jar to target/, anything else under /app/ into {@code dir}; java to this JVM's launcher. */
  private static List<String> map(List<String> words, Path dir) throws IOException {
    String jar = DockerfileModel.read().copies().stream().filter(c -> c.source().endsWith(".jar")).findFirst()
        .orElseThrow().destination();
    List<String> out = new ArrayList<>();
    for (String word : words) {
      int eq = word.startsWith("-") ? word.indexOf('=') + 1 : 0;
      String value = word.substring(eq);
      if (out.isEmpty() && word.equals("java")) {
        out.add(ChildBot.java());
      } else if (value.equals(jar)) {
        out.add(word.substring(0, eq) + JAR);
      } else if (value.startsWith(APP)) {
        out.add(word.substring(0, eq) + dir.resolve(value.substring(APP.length())));
      } else {
        out.add(word);
      }
    }
    return out;
  }
}
