package io.istiocon.bot.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.istiocon.bot.Server;
import io.istiocon.bot.files.CatalogFiles;
import io.istiocon.bot.slack.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every YAML under deploy/k8s parses, and the manifests carry what operating the bot relies on: the
 * base, and the two ways to keep the agenda, one replica on SQLite or several on PostgreSQL.
 */
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("deploy/k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, String> POD_LABELS = Map.of("app.kubernetes.io/name", "istiocon-bot");
  private static final Set<String> SLACK_KEYS = Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN");
  /** The components that say where the agenda lives. */
  private static final List<String> STORES = List.of("sqlite", "postgres");

  /** Every document of every manifest (the catalog copies aside), by file. */
  private static Map<Path, List<JsonNode>> manifests;

  @BeforeAll
  static void readAll() throws IOException {
    manifests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(K8S)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          it.forEachRemaining(docs::add);
        }
        assertFalse(docs.isEmpty(), file + " is empty");
        if (!file.startsWith(K8S.resolve("catalog"))) {
          manifests.put(file, docs);
        }
      }
    }
  }

  @Test
  void everyManifest_hasApiVersionKindAndName() {
    for (Map.Entry<Path, List<JsonNode>> e : manifests.entrySet()) {
      for (JsonNode doc : e.getValue()) {
        assertFalse(doc.path("apiVersion").asText().isEmpty(), e.getKey() + ": apiVersion");
        assertFalse(doc.path("kind").asText().isEmpty(), e.getKey() + ": kind");
        if (!doc.path("kind").asText().matches("Kustomization|Component")) {
          assertFalse(doc.at("/metadata/name").asText().isEmpty(), e.getKey() + ": metadata.name");
        }
      }
    }
  }

  @Test
  void kustomization_appliesEveryResourceButTheSecretTemplate_andOneWayToKeepTheAgenda() throws IOException {
    JsonNode k = one("kustomization.yaml");

    Set<String> resources = new TreeSet<>();
    k.path("resources").forEach(r -> resources.add(r.asText()));
    assertEquals(Set.of("deployment.yaml", "service.yaml"), resources);
    for (String r : resources) {
      assertTrue(Files.isRegularFile(K8S.resolve(r)), r);
    }
    assertEquals("istiocon-bot", k.at("/images/0/name").asText(), "the Deployment's image name is what images rewrites");
    List<String> components = new ArrayList<>();
    k.path("components").forEach(c -> components.add(c.asText()));
    assertEquals(1, components.stream().filter(STORES::contains).count(), "exactly one of " + STORES + ": " + components);
    for (String store : STORES) {
      JsonNode component = one(store + "/kustomization.yaml");
      assertEquals("Component", component.path("kind").asText());
      component.path("resources").forEach(r -> assertTrue(Files.isRegularFile(K8S.resolve(store).resolve(r.asText())), r.asText()));
      component.path("patches").forEach(p -> assertTrue(Files.isRegularFile(K8S.resolve(store).resolve(p.path("path").asText()))));
    }
  }

  @Test
  void configMapGenerator_isTheWholeCatalog_keptInItsPlace_andIdenticalToIt() throws IOException {
    JsonNode generator = one("kustomization.yaml").at("/configMapGenerator/0");

    assertEquals(catalogVolumeName(), generator.path("name").asText());
    assertTrue(generator.at("/options/disableNameSuffixHash").asBoolean(),
        "no hash suffix: the ConfigMap is updated in place and running pods reload it");
    List<Path> catalog = new ArrayList<>(CatalogFiles.conferences(Path.of("catalog")));
    catalog.add(CatalogFiles.synonyms(Path.of("catalog")).orElseThrow());
    Set<String> expected = new TreeSet<>();
    catalog.forEach(p -> expected.add("catalog/" + p.getFileName()));
    Set<String> listed = new TreeSet<>();
    generator.path("files").forEach(f -> listed.add(f.asText()));
    assertEquals(expected, listed, "every catalog file, and only those");
    for (Path original : catalog) {
      Path copy = K8S.resolve("catalog").resolve(original.getFileName());
      assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), copy + " differs from " + original
          + "; after editing the catalog run: cp catalog/*.yaml deploy/k8s/catalog/");
    }
  }

  @Test
  void deployment_runsTheImageAsTheDockerfileDoes_leavingReplicasToTheStoreComponent() throws IOException {
    JsonNode d = one("deployment.yaml");
    JsonNode c = container(d);

    assertEquals("Deployment", d.path("kind").asText());
    assertTrue(d.at("/spec/replicas").isMissingNode() && d.at("/spec/strategy").isMissingNode(),
        "sqlite/ and postgres/ set them: one replica, or a rolling update of several");
    assertEquals(POD_LABELS, labels(d.at("/spec/selector/matchLabels")));
    assertEquals(POD_LABELS, labels(d.at("/spec/template/metadata/labels")));
    assertEquals(Settings.DEFAULT_PORT, c.at("/ports/0/containerPort").asInt());
    assertEquals("http", c.at("/ports/0/name").asText());
    assertEquals(Integer.toString(Settings.DEFAULT_PORT), env(c, "PORT").path("value").asText());
    assertEquals(DockerfileModel.read().env().get("CATALOG_DIR"), env(c, "CATALOG_DIR").path("value").asText());
    assertEquals("json", env(c, "LOG_FORMAT").path("value").asText());
  }

  // ---- where the agenda lives -------------------------------------------------------------

  @Test
  void sqlite_oneReplica_theFileOnAClaimAtDataDir_writableByTheImagesUser_recreatedNotRolled() throws IOException {
    JsonNode patch = one("sqlite/deployment-patch.yaml");
    JsonNode pvc = one("sqlite/pvc.yaml");
    JsonNode pod = patch.at("/spec/template/spec");

    assertEquals(1, patch.at("/spec/replicas").asInt(), "one writer of one file");
    assertEquals("Recreate", patch.at("/spec/strategy/type").asText(), "the old pod lets go of the volume first");
    JsonNode data = volume(pod, v -> v.has("persistentVolumeClaim"));
    assertEquals(pvc.at("/metadata/name").asText(), data.at("/persistentVolumeClaim/claimName").asText());
    assertEquals("ReadWriteOnce", pvc.at("/spec/accessModes/0").asText());
    assertEquals(DockerfileModel.read().env().get("DATA_DIR"), mountOf(container(patch), data).path("mountPath").asText(),
        "the Dockerfile's DATA_DIR");
    String user = DockerfileModel.read().runtime().last("USER").orElseThrow();
    assertEquals(user.split(":")[1], pod.at("/securityContext/fsGroup").asText(), "the volume is writable by the image's group");
    JsonNode base = one("deployment.yaml");
    assertTrue(container(base).at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertEquals("/tmp", mountOf(container(base), volume(base.at("/spec/template/spec"), v -> v.has("emptyDir")))
        .path("mountPath").asText(), "SQLite unpacks its native library into the temp folder");
  }

  @Test
  void postgres_severalReplicasRolledOneAtATime_withDatabaseUrlFromTheSecretTheTemplateDescribes() throws IOException {
    JsonNode patch = one("postgres/deployment-patch.yaml");
    JsonNode secret = one("postgres/secret.example.yaml");

    assertTrue(patch.at("/spec/replicas").asInt() >= 2, "several replicas");
    assertEquals("0", patch.at("/spec/strategy/rollingUpdate/maxUnavailable").asText());
    JsonNode ref = env(container(patch), "DATABASE_URL").at("/valueFrom/secretKeyRef");
    assertEquals(secret.at("/metadata/name").asText(), ref.path("name").asText());
    assertEquals("DATABASE_URL", ref.path("key").asText());
    assertFalse(ref.path("optional").asBoolean(), "without it the replicas would each keep their own agenda");
    assertTrue(secret.at("/stringData/DATABASE_URL").asText().startsWith("postgresql://"), "the form StoreSettings reads");
    assertTrue(secret.at("/stringData/DATABASE_URL").asText().contains("REPLACE-ME"), "a placeholder, not a value");
    assertFalse(Files.readString(K8S.resolve("postgres/kustomization.yaml")).contains("- secret.example.yaml"),
        "the template is never applied");
  }

  @Test
  void deployment_probesReadyzAndHealthz() throws IOException {
    JsonNode c = container(one("deployment.yaml"));

    assertEquals("/readyz", c.at("/readinessProbe/httpGet/path").asText());
    assertEquals("http", c.at("/readinessProbe/httpGet/port").asText());
    assertEquals("/healthz", c.at("/livenessProbe/httpGet/path").asText());
    assertEquals("http", c.at("/livenessProbe/httpGet/port").asText());
    assertEquals("/healthz", c.at("/startupProbe/httpGet/path").asText());
  }

  @Test
  void deployment_isLockedDown() throws IOException {
    JsonNode d = one("deployment.yaml");
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode c = container(d);

    assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
    String user = DockerfileModel.read().runtime().last("USER").orElseThrow();
    assertEquals(user.split(":")[0], pod.at("/securityContext/runAsUser").asText(), "the Dockerfile's USER");
    assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertTrue(c.at("/securityContext/allowPrivilegeEscalation").isBoolean());
    assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean());
    assertEquals("ALL", c.at("/securityContext/capabilities/drop/0").asText());
    assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true));
    assertEquals("/tmp", mountOf(c, volume(pod, v -> v.has("emptyDir"))).path("mountPath").asText(),
        "a writable /tmp, since the root filesystem is read-only");
  }

  @Test
  void deployment_mountsTheCatalogConfigMapAtCatalogDir() throws IOException {
    JsonNode d = one("deployment.yaml");
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode catalog = volume(pod, v -> v.has("configMap"));

    assertEquals(catalogVolumeName(), catalog.at("/configMap/name").asText());
    JsonNode mount = mountOf(container(d), catalog);
    assertEquals(DockerfileModel.read().env().get("CATALOG_DIR"), mount.path("mountPath").asText());
    assertTrue(mount.path("readOnly").asBoolean());
    assertFalse(mount.has("subPath"), "a subPath mount never sees ConfigMap updates");
  }

  @Test
  void deployment_sizesResourcesAndDrainsWithinTheGracePeriod() throws IOException {
    JsonNode d = one("deployment.yaml");
    JsonNode c = container(d);

    assertTrue(c.at("/resources/requests/cpu").isTextual(), "a CPU request, which the HPA scales on");
    long request = mebibytes(c.at("/resources/requests/memory").asText());
    long limit = mebibytes(c.at("/resources/limits/memory").asText());
    // RSS measured at 119 MB after 1,000 requests (docs/operations.md#measured-footprint); the heap may take half the limit.
    assertTrue(request >= 120 && limit >= 2 * request, "request " + request + " Mi, limit " + limit + " Mi");
    assertEquals("sleep", c.at("/lifecycle/preStop/exec/command/0").asText(), "keep serving while endpoints update");
    long preStop = Long.parseLong(c.at("/lifecycle/preStop/exec/command/1").asText());
    long grace = d.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
    assertTrue(grace > preStop + Server.DRAIN.toSeconds(),
        "grace " + grace + " s must outlast preStop " + preStop + " s + the drain " + Server.DRAIN.toSeconds() + " s");
  }

  @Test
  void deployment_readsTheSlackSecretsFromTheSecretTheTemplateDescribes() throws IOException {
    JsonNode c = container(one("deployment.yaml"));
    JsonNode secret = one("secret.example.yaml");

    Set<String> keys = new TreeSet<>();
    secret.path("stringData").fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")), keys.toString());
    secret.path("stringData").forEach(v -> assertTrue(v.asText().contains("REPLACE-ME"), "a placeholder, not a value"));
    for (String key : SLACK_KEYS) {
      JsonNode ref = env(c, key).at("/valueFrom/secretKeyRef");
      assertEquals(secret.at("/metadata/name").asText(), ref.path("name").asText(), key);
      assertEquals(key, ref.path("key").asText());
      assertEquals(!key.equals("SLACK_BOT_TOKEN"), ref.path("optional").asBoolean(), key + ": optional unless always needed");
    }
  }

  @Test
  void service_sendsPort80ToTheContainersHttpPort() throws IOException {
    JsonNode s = one("service.yaml");

    assertEquals(80, s.at("/spec/ports/0/port").asInt());
    assertEquals("http", s.at("/spec/ports/0/targetPort").asText());
    assertEquals(POD_LABELS, labels(s.at("/spec/selector")));
  }

  @Test
  void podDisruptionBudget_keepsOneOfThePostgresReplicasServing() throws IOException {
    JsonNode pdb = one("postgres/pdb.yaml");

    assertEquals("PodDisruptionBudget", pdb.path("kind").asText());
    assertEquals(1, pdb.at("/spec/minAvailable").asInt());
    assertEquals(POD_LABELS, labels(pdb.at("/spec/selector/matchLabels")));
  }

  @Test
  void hpa_scalesThePostgresReplicasOnCpu() throws IOException {
    JsonNode hpa = one("postgres/hpa.yaml");

    assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
    assertEquals("istiocon-bot", hpa.at("/spec/scaleTargetRef/name").asText());
    assertEquals(one("postgres/deployment-patch.yaml").at("/spec/replicas").asInt(), hpa.at("/spec/minReplicas").asInt());
    assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());
    assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
    int target = hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt();
    assertTrue(target > 0 && target <= 90, "CPU target " + target);
  }

  @Test
  void istioComponent_exposesOnlySlackEventsAndRequiresMutualTls() throws IOException {
    JsonNode component = one("istio/kustomization.yaml");
    JsonNode vs = one("istio/virtualservice.yaml");

    assertEquals("Component", component.path("kind").asText());
    component.path("resources").forEach(r -> assertTrue(Files.isRegularFile(K8S.resolve("istio").resolve(r.asText())), r.asText()));
    assertEquals("/slack/events", vs.at("/spec/http/0/match/0/uri/exact").asText());
    assertEquals(1, vs.at("/spec/http").size(), "nothing else is routed from outside");
    assertEquals("istiocon-bot", vs.at("/spec/http/0/route/0/destination/host").asText());
    assertEquals(one("service.yaml").at("/spec/ports/0/port").asInt(), vs.at("/spec/http/0/route/0/destination/port/number").asInt());
    assertFalse(vs.at("/spec/http/0/retries/retryOn").asText().contains("5xx"), "never resend a request a bot has seen");
    assertEquals("STRICT", one("istio/peerauthentication.yaml").at("/spec/mtls/mode").asText());
    assertEquals(POD_LABELS, labels(one("istio/peerauthentication.yaml").at("/spec/selector/matchLabels")));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static JsonNode one(String file) {
    List<JsonNode> docs = manifests.get(K8S.resolve(file));
    if (docs == null || docs.size() != 1) {
      throw new AssertionError("expected one document in " + K8S.resolve(file) + ", got " + docs);
    }
    return docs.get(0);
  }

  private static String catalogVolumeName() {
    return "istiocon-bot-catalog";
  }

  private static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertEquals(1, containers.size(), "one container");
    return containers.get(0);
  }

  private static JsonNode env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return e;
      }
    }
    throw new AssertionError("no env " + name + " in " + container.path("env"));
  }

  private static JsonNode volume(JsonNode pod, java.util.function.Predicate<JsonNode> kind) {
    for (JsonNode v : pod.path("volumes")) {
      if (kind.test(v)) {
        return v;
      }
    }
    throw new AssertionError("no such volume in " + pod.path("volumes"));
  }

  private static JsonNode mountOf(JsonNode container, JsonNode volume) {
    for (JsonNode m : container.path("volumeMounts")) {
      if (volume.path("name").asText().equals(m.path("name").asText())) {
        return m;
      }
    }
    throw new AssertionError("volume " + volume.path("name") + " is not mounted");
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static long mebibytes(String quantity) {
    if (quantity.endsWith("Mi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
    }
    throw new AssertionError("write memory in Mi or Gi: " + quantity);
  }
}
