package io.istiocon.bot.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's Dockerfile read into stages and instructions, for tests that hold it to the build. */
record DockerfileModel(List<Stage> stages) {
  static final Path PATH = Path.of("Dockerfile");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

  /** One instruction: its keyword in upper case and the rest of its (joined) lines. */
  record Instruction(String keyword, String arguments) {}

  /** One stage: its FROM image, its name ({@code AS name}) or null, and its instructions after FROM. */
  record Stage(String image, String name, List<Instruction> instructions) {
    /** Returns the arguments of every instruction with this keyword, in order. */
    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** Returns the arguments of the last instruction with this keyword. */
    Optional<String> last(String keyword) {
      List<String> found = all(keyword);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** Returns the index of the first instruction with this keyword whose arguments contain {@code text}, or -1. */
    int indexOf(String keyword, String text) {
      for (int i = 0; i < instructions.size(); i++) {
        if (instructions.get(i).keyword().equals(keyword) && instructions.get(i).arguments().contains(text)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Reads the Dockerfile at the repository root. */
  static DockerfileModel read() throws IOException {
    List<Stage> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    List<Instruction> current = null;
    for (String raw : Files.readAllLines(PATH, StandardCharsets.UTF_8)) {
      String line = raw.stripTrailing();
      if (pending.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      String whole = (pending + line).strip();
      pending.setLength(0);
      int space = whole.indexOf(' ');
      String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
      String arguments = space < 0 ? "" : whole.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        String[] words = arguments.split("\\s+");
        current = new ArrayList<>();
        stages.add(new Stage(words[0], words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null, current));
      } else if (current != null) {
        current.add(new Instruction(keyword, arguments));
      }
    }
    return new DockerfileModel(List.copyOf(stages));
  }

  /** Returns the stage the image runs: the last one. */
  Stage runtime() {
    return stages.get(stages.size() - 1);
  }

  /** Returns the stage named {@code name}. */
  Stage stage(String name) {
    return stages.stream().filter(s -> name.equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named " + name + " in the Dockerfile"));
  }

  /** Returns the runtime's ENTRYPOINT, which must be in exec (JSON) form. */
  List<String> entrypoint() throws IOException {
    return execForm(runtime().last("ENTRYPOINT").orElseThrow(() -> new AssertionError("no ENTRYPOINT")));
  }

  /** Returns the runtime's CMD, which must be in exec (JSON) form. */
  List<String> cmd() throws IOException {
    return execForm(runtime().last("CMD").orElseThrow(() -> new AssertionError("no CMD")));
  }

  /** Returns the runtime's environment, from every ENV instruction. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String arguments : runtime().all("ENV")) {
      Matcher m = ENV_PAIR.matcher(arguments);
      while (m.find()) {
        env.put(m.group(1), m.group(2).replace("\"", ""));
      }
    }
    return env;
  }

  /** Returns the runtime's COPY instructions as {@code destination -> source}, with the source stage if any. */
  List<Copy> copies() {
    List<Copy> copies = new ArrayList<>();
    for (String arguments : runtime().all("COPY")) {
      String from = null;
      List<String> paths = new ArrayList<>();
      for (String word : arguments.split("\\s+")) {
        if (word.startsWith("--from=")) {
          from = word.substring("--from=".length());
        } else if (!word.startsWith("--")) {
          paths.add(word);
        }
      }
      copies.add(new Copy(from, paths.get(0), paths.get(paths.size() - 1)));
    }
    return copies;
  }

  /** A COPY into the runtime image. */
  record Copy(String fromStage, String source, String destination) {}

  /** The runtime stage's class-archive training step: {@code NAME=VALUE... java ARGS...; checks}. */
  record Training(Map<String, String> env, List<String> command) {}

  /** Returns the RUN that writes the class archive ({@code -XX:ArchiveClassesAtExit}), split into env and command. */
  Training training() {
    String run = runtime().all("RUN").stream().filter(r -> r.contains("-XX:ArchiveClassesAtExit=")).findFirst()
        .orElseThrow(() -> new AssertionError("no RUN with -XX:ArchiveClassesAtExit in the runtime stage"));
    Map<String, String> env = new LinkedHashMap<>();
    List<String> command = new ArrayList<>();
    for (String word : run.substring(0, run.indexOf(';')).strip().split("\\s+")) {
      if (command.isEmpty() && !word.startsWith("-") && word.contains("=")) {
        env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
      } else {
        command.add(word);
      }
    }
    return new Training(env, command);
  }

  private static List<String> execForm(String arguments) throws IOException {
    if (!arguments.startsWith("[")) {
      throw new AssertionError("use the exec form [\"...\"] so the JVM is PID 1 and gets SIGTERM: " + arguments);
    }
    return JSON.readValue(arguments, new TypeReference<List<String>>() {});
  }
}
