package io.istiocon.bot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.Main;
import io.istiocon.bot.slack.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What the Dockerfile relies on, checked without a Docker engine: the jar it copies is the one the
 * pom builds, its entrypoint starts the pom's main class, the user, port and catalog folder agree
 * with the code, and the JVM is set up for a container. PackagedJarIT checks the built jar itself.
 */
class DockerfileTest {
  private static final Pattern GC_FLAG = Pattern.compile("-XX:\\+Use\\w+GC");

  @Test
  void buildStage_resolvesDependenciesBeforeCopyingTheSources() throws Exception {
    DockerfileModel.Stage build = DockerfileModel.read().stages().get(0);

    assertTrue(build.image().matches("maven:[\\w.-]*eclipse-temurin-17[\\w.-]*"), "Maven on a Temurin 17 JDK: " + build.image());
    int pom = build.indexOf("COPY", "pom.xml");
    int offline = build.indexOf("RUN", "dependency:go-offline");
    int sources = build.indexOf("COPY", "src/main");
    int packaging = build.indexOf("RUN", "package");
    assertTrue(pom >= 0 && pom < offline && offline < sources && sources < packaging,
        "COPY pom.xml, RUN mvn dependency:go-offline, COPY src/main, RUN mvn package, in that order: " + build.instructions());
    assertFalse(build.all("COPY").stream().anyMatch(a -> a.matches("\\.\\s+.*")), "never COPY . (the whole context)");
  }

  @Test
  void runtimeStage_isAJava17Jre() throws Exception {
    assertTrue(DockerfileModel.read().runtime().image().matches("eclipse-temurin:17[\\w.-]*-jre[\\w.-]*|eclipse-temurin:17-jre"),
        DockerfileModel.read().runtime().image());
  }

  @Test
  void copiedJar_isTheOneThePomBuilds_andTheOneTheEntrypointRuns() throws Exception {
    DockerfileModel docker = DockerfileModel.read();
    Document pom = pom();

    DockerfileModel.Copy jar = docker.copies().stream().filter(c -> c.source().endsWith(".jar")).findFirst()
        .orElseThrow(() -> new AssertionError("the runtime stage copies no jar"));
    String workdir = docker.stage(jar.fromStage()).last("WORKDIR").orElse("/");
    String built = workdir + "/" + xpath(pom, "/project/build/directory", "target") + "/"
        + xpath(pom, "/project/build/finalName", null) + ".jar";
    assertEquals(built, jar.source(), "the jar mvn package writes, seen from the build stage's WORKDIR");
    assertEquals("package", xpath(pom, plugin("maven-shade-plugin") + "/executions/execution/phase", null),
        "the shaded (runnable) jar replaces the plain one at package");
    List<String> entrypoint = docker.entrypoint();
    assertEquals(jar.destination(), entrypoint.get(entrypoint.indexOf("-jar") + 1));
  }

  @Test
  void entrypoint_startsTheMainClassThePomPutsInTheManifest() throws Exception {
    Document pom = pom();

    assertEquals("${main.class}", xpath(pom, plugin("maven-shade-plugin")
        + "//transformer[contains(@implementation, 'ManifestResourceTransformer')]/mainClass", null));
    assertEquals(Main.class.getName(), xpath(pom, "/project/properties/main.class", null));
    List<String> entrypoint = DockerfileModel.read().entrypoint();
    assertEquals("java", entrypoint.get(0));
    assertTrue(entrypoint.contains("-jar"), "java -jar, so the manifest's Main-Class starts: " + entrypoint);
    assertEquals(List.of("serve"), DockerfileModel.read().cmd(), "serve by default; docker run IMAGE validate works too");
  }

  @Test
  void trainingStep_usesTheEntrypointsFlags_andWritesTheArchiveItMaps() throws Exception {
    DockerfileModel docker = DockerfileModel.read();
    DockerfileModel.Training training = docker.training();
    List<String> entrypoint = docker.entrypoint();

    String archive = entrypoint.stream().filter(f -> f.startsWith("-XX:SharedArchiveFile=")).findFirst()
        .orElseThrow(() -> new AssertionError("the entrypoint maps no class archive: " + entrypoint))
        .substring("-XX:SharedArchiveFile=".length());
    List<String> expected = new java.util.ArrayList<>(entrypoint);
    expected.set(expected.indexOf("-XX:SharedArchiveFile=" + archive), "-XX:ArchiveClassesAtExit=" + archive);
    expected.addAll(docker.cmd());
    assertEquals(expected, training.command(), "the same JVM, flags, jar and command as the image runs");
    assertTrue(training.env().get("SLACK_API_URL").startsWith("http://127.0.0.1:"), "never reaches out while building");
    assertTrue(training.env().get("SLACK_BOT_TOKEN").startsWith("xoxb-"), "passes the settings check, then stops at auth.test");
    String run = docker.runtime().all("RUN").stream().filter(r -> r.contains("ArchiveClassesAtExit")).findFirst().orElseThrow();
    assertTrue(run.contains("test -s " + archive), "the build fails if no archive was written: " + run);
    String scratch = training.env().get("DATA_DIR");
    assertTrue(scratch != null && scratch.startsWith("/tmp/"), "the training opens the store in a scratch folder, "
        + "never the data volume's (a root-owned file there would lock the bot's user out): " + scratch);
    assertTrue(run.contains("rm -rf") && run.contains(" " + scratch) && run.contains("/tmp/sqlite-*"),
        "and removes it, and SQLite's unpacked library: " + run);
  }

  @Test
  void user_isNumericAndNotRoot() throws Exception {
    String user = DockerfileModel.read().runtime().last("USER").orElseThrow(() -> new AssertionError("no USER"));

    assertTrue(user.matches("\\d+(:\\d+)?"), "numeric, so runAsNonRoot can check it: " + user);
    assertNotEquals("0", user.split(":")[0]);
    List<DockerfileModel.Instruction> runtime = DockerfileModel.read().runtime().instructions();
    int userAt = runtime.stream().map(DockerfileModel.Instruction::keyword).toList().lastIndexOf("USER");
    assertTrue(runtime.subList(userAt, runtime.size()).stream().noneMatch(i -> i.keyword().equals("RUN")),
        "nothing runs as root after USER");
  }

  @Test
  void port_isTheDefaultTheCodeUses() throws Exception {
    DockerfileModel docker = DockerfileModel.read();

    assertEquals(List.of(Integer.toString(Settings.DEFAULT_PORT)), docker.runtime().all("EXPOSE"));
    assertEquals(Integer.toString(Settings.DEFAULT_PORT), docker.env().get("PORT"));
  }

  @Test
  void catalogDir_isWhereTheCatalogIsCopied() throws Exception {
    DockerfileModel docker = DockerfileModel.read();

    DockerfileModel.Copy catalog = docker.copies().stream().filter(c -> c.fromStage() == null
        && strip(c.source()).equals("catalog")).findFirst().orElseThrow(() -> new AssertionError("catalog/ is not copied"));
    assertEquals(strip(catalog.destination()), docker.env().get("CATALOG_DIR"));
    assertTrue(Files.isRegularFile(Path.of("catalog/istiocon-2021.yaml")));
  }

  @Test
  void dataDir_isADeclaredVolume_ownedByTheUser_andNothingWritesThereAfterTheDeclaration() throws Exception {
    DockerfileModel docker = DockerfileModel.read();
    DockerfileModel.Stage runtime = docker.runtime();
    String dataDir = docker.env().get("DATA_DIR");

    assertTrue(dataDir != null && dataDir.startsWith("/"), "DATA_DIR, an absolute folder for the SQLite file: " + dataDir);
    assertTrue(runtime.all("VOLUME").stream().anyMatch(v -> v.replaceAll("[\\[\\]\"]", "").strip().equals(dataDir)),
        "VOLUME " + dataDir + ": " + runtime.all("VOLUME"));
    String user = runtime.last("USER").orElseThrow();
    int owned = runtime.indexOf("RUN", "chown " + user + " " + dataDir);
    int declared = runtime.indexOf("VOLUME", dataDir);
    assertTrue(owned >= 0 && owned < declared, "RUN ... chown " + user + " " + dataDir + " before VOLUME, so a fresh volume "
        + "is writable: " + runtime.instructions());
    assertTrue(runtime.instructions().subList(declared, runtime.instructions().size()).stream()
        .noneMatch(i -> i.keyword().equals("RUN")), "Docker drops what a RUN writes into a declared volume");
    assertTrue(Path.of(dataDir).startsWith(runtime.last("WORKDIR").orElseThrow()), "beside the catalog, under WORKDIR");
  }

  @Test
  void jvmFlags_sizeTheHeapFromTheLimit_exitOnOutOfMemory_andNameOneCollector() throws Exception {
    List<String> flags = DockerfileModel.read().entrypoint();

    String percentage = flags.stream().filter(f -> f.startsWith("-XX:MaxRAMPercentage=")).findFirst()
        .orElseThrow(() -> new AssertionError("no -XX:MaxRAMPercentage: " + flags));
    double value = Double.parseDouble(percentage.substring(percentage.indexOf('=') + 1));
    assertTrue(value >= 25 && value <= 80, "leaves room for metaspace, threads and code: " + percentage);
    assertTrue(flags.contains("-XX:+ExitOnOutOfMemoryError"), flags.toString());
    assertEquals(1, flags.stream().filter(f -> GC_FLAG.matcher(f).matches()).count(), "one collector, chosen: " + flags);
    assertTrue(flags.stream().noneMatch(f -> f.startsWith("-Xmx") || f.startsWith("-Xms")), "no fixed heap: " + flags);
  }

  @Test
  void healthcheck_probesHealthzOnThePort() throws Exception {
    String check = DockerfileModel.read().runtime().last("HEALTHCHECK").orElseThrow(() -> new AssertionError("no HEALTHCHECK"));

    assertTrue(check.contains("http://127.0.0.1:${PORT}/healthz"), check);
    assertTrue(check.contains("--timeout="), check);
  }

  @Test
  void dockerignore_keepsBuildOutputGitAndSecretsOut_butNotWhatTheBuildCopies() throws IOException {
    List<String> patterns = Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(p -> !p.isEmpty() && !p.startsWith("#")).toList();

    for (String ignored : List.of("target/istiocon-bot.jar", ".git/HEAD", ".idea/workspace.xml", "slack.env", ".env")) {
      assertTrue(ignored(patterns, ignored), ignored + " must not reach the build context");
    }
    for (String kept : List.of("pom.xml", "src/main/java/io/istiocon/bot/Main.java", "catalog/istiocon-2021.yaml")) {
      assertFalse(ignored(patterns, kept), kept + " is copied by the Dockerfile");
    }
  }

  /** Applies .dockerignore's rules in order (the last match wins; "!" re-includes); a folder's rule covers its files. */
  private static boolean ignored(List<String> patterns, String path) {
    boolean ignored = false;
    for (String pattern : patterns) {
      boolean negate = pattern.startsWith("!");
      String glob = strip(negate ? pattern.substring(1) : pattern);
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      Path p = Path.of(path);
      boolean matches = false;
      for (Path prefix = p; prefix != null; prefix = prefix.getParent()) {
        matches |= matcher.matches(prefix);
      }
      if (matches) {
        ignored = !negate;
      }
    }
    return ignored;
  }

  private static String strip(String path) {
    String s = path.startsWith("./") ? path.substring(2) : path;
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static Document pom() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
  }

  static String xpath(Document pom, String expression, String fallback) throws Exception {
    String value = XPathFactory.newInstance().newXPath().evaluate(expression, pom).strip();
    if (value.isEmpty()) {
      if (fallback == null) {
        throw new AssertionError("pom.xml has nothing at " + expression);
      }
      return fallback;
    }
    return value;
  }

  private static String plugin(String artifactId) {
    return "/project/build/plugins/plugin[artifactId='" + artifactId + "']";
  }
}
