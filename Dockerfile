# syntax=docker/dockerfile:1
# istiocon-bot as a container. Operations (probes, scaling, metrics, logs): README.md#operations.
#
#   docker build -t istiocon-bot .
#   docker run --rm -p 3000:3000 -e SLACK_BOT_TOKEN=xoxb-... -e SLACK_SIGNING_SECRET=... istiocon-bot
#
# No Docker engine runs where this project is built and tested, so what this file relies on is
# checked without one: DockerfileTest and PackagedJarIT (mvn verify) hold it to the pom, the jar's
# manifest and the code's defaults, and deploy/smoke.sh runs the built jar exactly as ENTRYPOINT,
# CMD and ENV below say.

# ---- build: Maven on a Temurin 17 JDK ------------------------------------------------------
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# The pom alone first: this layer and its downloads are reused until pom.xml changes, so editing
# the code does not fetch every dependency again.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src/main ./src/main
# The tests ran in CI (mvn verify) before an image is built; here only the jar is made.
RUN mvn -B -q package -Dmaven.test.skip=true

# ---- runtime: a Java 17 JRE ----------------------------------------------------------------
FROM eclipse-temurin:17-jre-noble
WORKDIR /app
# Owned by root and not writable by the process: the bot only reads its jar and its catalog.
COPY --from=build /build/target/istiocon-bot.jar /app/istiocon-bot.jar
# The bundled catalog; mounting a volume or a ConfigMap at CATALOG_DIR replaces it (and edits there go live).
COPY catalog/ /app/catalog/
# The agenda's SQLite file lives in DATA_DIR when DATABASE_URL is not set (docs/operations.md#storage).
# The folder belongs to the bot's user, so the volume Docker makes from it starts writable.
RUN mkdir /app/data && chown 10001:10001 /app/data
ENV CATALOG_DIR=/app/catalog \
    DATA_DIR=/app/data \
    PORT=3000
# Class data sharing: a training start records the classes serve loads and links (the Slack client,
# logging, the agenda store's SQLite driver, pool and Flyway migrations) into an archive that every
# start then maps instead of loading and verifying them again. The training has no Slack to talk to,
# so it stops at auth.test with exit code 2 and that message, after the store has opened (in a
# scratch DATA_DIR, removed with SQLite's unpacked library: nothing of it may reach the data
# volume); the archive is written on exit all the same. It halves the time to /readyz (measured:
# docs/operations.md#measured-footprint). Same flags as ENTRYPOINT but the archive one
# (DockerfileTest holds them together).
RUN SLACK_BOT_TOKEN=xoxb-training SLACK_SIGNING_SECRET=training SLACK_API_URL=http://127.0.0.1:9/api/ \
    DATA_DIR=/tmp/istiocon-training \
    java -XX:ArchiveClassesAtExit=/app/istiocon-bot.jsa -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar /app/istiocon-bot.jar serve; \
    test -s /app/istiocon-bot.jsa && rm -rf /tmp/hsperfdata_* /tmp/istiocon-training /tmp/sqlite-*
# Saved agendas outlive the container: mount a volume here (docker run -v istiocon-data:/app/data), or
# set DATABASE_URL to keep them in PostgreSQL instead. Declared after every RUN, which would not keep
# what it wrote here.
VOLUME /app/data
# A numeric user, so Kubernetes' runAsNonRoot can verify it without an /etc/passwd entry.
USER 10001:10001
EXPOSE 3000
# For docker and compose; Kubernetes ignores this and uses the probes in deploy/k8s. The base image
# ships curl (adoptium/containers installs it on purpose), far lighter than a second JVM per check.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/healthz" || exit 1
# Measured choices (README.md#operations): the heap at most half the container's memory limit (the
# JVM needs about 75 MB besides, and the live heap is about 15 MB); exit, and be restarted, rather
# than limp on after an OutOfMemoryError; the serial collector, which used 20-35 MB less than G1
# and Parallel for the same latency; and the C1 compiler only, which on two cores started faster,
# used 30-70 MB less and answered faster than C1 + C2 over the first 10,000 requests.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/istiocon-bot.jsa", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/app/istiocon-bot.jar"]
CMD ["serve"]
