#!/usr/bin/env python3
"""One-off converter: IstioCon 2021 session JSON -> catalog/istiocon-2021.yaml.

Usage (from the repository root):

    python3 tools/convert-catalog.py ../shared/data/istiocon-2021-sessions.json \
        > catalog/istiocon-2021.yaml

This tool was run once to create the catalog. From now on the YAML file
(catalog/istiocon-2021.yaml) is the source of truth: edit the YAML, not this
script, and do not re-run it over an edited catalog (it would overwrite the
edits). It is kept only to document how the file was produced and where the
curated tags came from.

What it does:
  * carries every session record of the source (65 published + the 2 draft
    networking entries dn/fn) in source order, with titles, speakers,
    abstracts, summaries and URLs verbatim;
  * maps source types/languages to the catalog vocabulary;
  * adds `popularity` (live viewers) from the event report figures in
    conference.stats of the JSON;
  * adds curated topic tags from TAGS below (each entry names the words of the
    title/abstract that justify its tags).

Standard library only (no PyYAML): the YAML text is emitted by hand, in a
conservative style: plain scalars only for simple identifiers, JSON-style
double-quoted strings for every other single-line string, and `|-` literal
block scalars for multi-line text (trailing spaces at line ends are dropped).
"""

import json
import re
import sys
from datetime import datetime, timedelta, timezone

try:
    from zoneinfo import ZoneInfo
    PACIFIC = ZoneInfo("America/Los_Angeles")
    BEIJING = ZoneInfo("Asia/Shanghai")
except Exception:  # no tz database: February 2021 is PST (UTC-8); China is UTC+8
    PACIFIC = timezone(timedelta(hours=-8))
    BEIJING = timezone(timedelta(hours=8))

# --------------------------------------------------------------------------
# Curated tags: session id -> tags. A tag is given only when the title or the
# abstract says it; the comment names the words that justify each tag.
# --------------------------------------------------------------------------
TAGS = {
    # "welcome you to IstioCon ... past, present and future of Istio": no topic words
    "a1k": [],
    # "5G platform"; "edge"; "multiple clusters"; "tenant isolation"/"Tenancy isolation";
    # "5G aware telemetry"; "uniform security"
    "a3p": ["5g", "edge", "multicluster", "multitenancy", "telemetry", "security"],
    # "sidecar injection"; "the power of gateways"; "tying in PKI"; "DNS proxying";
    # "iteratively adopt it into production"
    "a4p": ["sidecar", "gateway", "pki", "dns", "adoption"],
    # title "Enterprise Scale", "networking at scale"; "multi-cluster at scale";
    # "multitenant configuration"; "hundreds of Kubernetes clusters"; "high-performance networking"
    "a5a": ["scale", "multicluster", "multitenancy", "kubernetes", "performance"],
    # "Using [Meshery]"; "Traffic management scenarios"; "canary deployments";
    # "rate limiting"; "Managing telemetry"; "WebAssembly filters for Envoy"
    "aw": ["meshery", "traffic-management", "canary", "rate-limiting", "telemetry", "wasm"],
    # title "Improving Security"; "securing (authentication and authorization)"
    "a8p": ["security", "authentication", "authorization"],
    # title "What Envoy Hears"; "Istio listens to Kubernetes and speaks to Envoy"
    "a9p": ["envoy", "kubernetes"],
    # "Opening message and project update for Chinese audience": no topic words
    "b1k": [],
    # title "...industry and community in China"; "growth of the community";
    # "how to get involved in the Istio community", "has contributed"
    "b3t1": ["community", "contributing"],
    # "Large-scale application of ISTIO in Baidu"
    "b3t2": ["scale"],
    # title "secure and wise platform"; "support huge loads"
    "b3t3": ["security", "scale"],
    # title "Secure your microservices", "Istio security"; "auto-mTLS";
    # "PeerAuthentication", "RequestAuthentication"; "AuthorizationPolicy";
    # "istio ingress gateway"; "TLS Termination"
    "b4p": ["security", "mtls", "authentication", "authorization", "ingress", "tls"],
    # title "from Spring Cloud to Istio", "integration and transformation solution";
    # "offload traffic management from SDK to infrastructure"
    "b5p": ["spring-cloud", "migration", "traffic-management"],
    # "with sidecar injected and traffic proxied by a sidecar"; "istio and envoy";
    # "TCP and HTTP protocols", "proxy protocol"
    "b6p": ["sidecar", "envoy", "protocols"],
    # title "Knative based", "serverless platform", "Performance tuning";
    # "large-scale", "scalability"; "multi-tenant serverless platform"; "CNI replacement"
    "b7p": ["knative", "serverless", "performance", "scale", "multitenancy", "cni"],
    # title "Going dynamic with Envoy"; "Atlassian's journey ... Istio being the best decision"
    "c1s": ["envoy", "adoption"],
    # title "a journey adopting Istio across 100 clusters"; "Approaches to multi-cluster";
    # "tenancy", "Structured boundary and isolation"; "large-scale deployment";
    # "securing and connecting microservices"; "install/upgrade"
    "c2s": ["adoption", "multicluster", "multitenancy", "scale", "security", "upgrade"],
    # title "Istio Multicluster with GitOps"
    "c3p": ["multicluster", "gitops"],
    # title "Developing & Debugging WebAssembly Filters"; "How do we test WebAssembly filters?"
    "c4p": ["wasm", "debugging", "testing"],
    # title "Large scale data ingestion using Istio/Envoy"; "scaling the ingestion pipeline"
    "c5a": ["data-ingestion", "envoy", "scale"],
    # title "Istio Multicluster Workshop"; "Deploying 3 Kubernetes clusters using Kind";
    # "Experimenting with WASM"
    "cw": ["multicluster", "kubernetes", "wasm"],
    # title "Extending Envoy with WASM"; "custom traffic management and telemetry";
    # "troubleshooting extensions is difficult"
    "c8p": ["wasm", "envoy", "traffic-management", "telemetry", "troubleshooting"],
    # title "Local Istio Development", "run Istio locally"; "local Kubernetes cluster";
    # "running Istiod as a local binary (and in a debugger)"
    "c9t1": ["local-development", "kubernetes", "debugging"],
    # title "Istio Security"; "Istio's Authorization and Authentication policies";
    # "generic Helm chart"; "all of our Kubernetes clusters"
    "c9t2": ["security", "authorization", "authentication", "helm", "kubernetes"],
    # title "investigate failures", "find the root cause"; "Istio's logs, metrics"
    "c9t3": ["troubleshooting", "observability"],
    # title "Simple Certificate Management"; "environmental variables ... control the behavior";
    # "toggle them during installation using istioctl and helm"
    "c9t4": ["certificates", "configuration", "helm"],
    # title "Istio Project Roadmap"; "the roadmap for 2021"
    "d1k": ["roadmap"],
    # title "Taming Istio Configuration with Helm"; "Helm gitops automation"
    "d3p": ["helm", "configuration", "gitops"],
    # "can you trust that inbound request?", "trust"; "how certificates work into Istio";
    # "use peer authentication"
    "d4p": ["security", "certificates", "authentication"],
    # title "moving Istio from PoC to production", "journey ... to a production-grade Istio mesh";
    # "50+ On-Premise Kubernetes Clusters"
    "d5a": ["adoption", "kubernetes"],
    # Office hours: "contact with the Istio community experts" - no networking wording,
    # so no tag (social entries get only `networking`, and only when the text says so)
    "dn": [],
    # title "Deep Dive into Istio Auth Policies", "comprehensive security model";
    # "authentication and authorization policies"; "Mutual TLS"; "Envoy proxies"
    "d8p": ["security", "authentication", "authorization", "mtls", "envoy"],
    # title "first Istio.io contribution", "contribute"; "introduce others to this community"
    "d9t1": ["contributing", "community"],
    # title "Your laptop as part of the service mesh", "a developer's laptop", "eased development";
    # "Istio's EnvoyFilter"; "running end-to-end tests"
    "d9t2": ["local-development", "envoy", "testing"],
    # title "Kubernetes Operator to manage rate limit istio configurations";
    # "ingress gateways"
    "d9t3": ["rate-limiting", "operator", "kubernetes", "ingress", "configuration"],
    # title "Istio Release", "release qualification process"; "Upgrade Workgroup",
    # "Istio upgrades"; "test infrastructure"
    "d9t4": ["release", "upgrade", "testing"],
    # title "Istio Project Roadmap (China)"; "the roadmap for 2021"
    "e1k": ["roadmap"],
    # "统一流量管理" (unified traffic management); "上百个Kubernetes集群"; "跨集群" (cross-cluster);
    # "智能DNS"; "灰度发布" (canary / gray release)
    "e3p": ["traffic-management", "kubernetes", "multicluster", "dns", "canary"],
    # title "Virtual Machine"; "VM security"; "Smart DNS proxy"; "cert provisioning";
    # "Benchmark against the performance"
    "e4p": ["virtual-machines", "security", "dns", "certificates", "performance"],
    # title "Apache SkyWalking Powering Istio Observability"; "telemetry v2"; "tracing, metrics"
    "e5p": ["skywalking", "observability", "telemetry", "tracing"],
    # title "based on WASM"; "custom Filters for out-of-process Envoy proxy"
    "e6p": ["wasm", "envoy"],
    # title "Accelerate istio-cni with ebpf"; "envoy(sidecar)"; "performance improvement"
    "e7p": ["ebpf", "cni", "performance", "sidecar", "envoy"],
    # title "Airbnb on Istio", "Airbnb's Istio Journey"; "How we approached migration";
    # "multicluster/cell setup"; "upgrade setup for gradual rollout"; "test pipeline"
    "f1s": ["adoption", "migration", "multicluster", "upgrade", "testing"],
    # title "Our Istio Journey"; "built it using envoy"; "our subsequent pivot to Istio";
    # "increase adoption of Istio"
    "f2s": ["envoy", "adoption", "migration"],
    # title "manage any layer-7 traffic", "Traffic management"; "other layer-7 protocols";
    # "Dubbo, Thrift, TARS, Redis, MySql, MongoDB"
    "f3p": ["traffic-management", "protocols", "redis"],
    # title "Istio Debugging", "Multi-cluster Service Graph"; "request troubleshooting";
    # "Envoy proxy"; "access logging"; "wealth of telemetry", "detailed telemetry"
    "f4p": ["debugging", "troubleshooting", "multicluster", "envoy", "access-logs", "telemetry"],
    # title "Istio Adoption"; "move to Istio from Square's homegrown Envoy service mesh"
    "f5a": ["adoption", "migration", "envoy"],
    # title "Kiali Recipe Workshop"; "observability (including telemetry and distributed tracing)";
    # "traffic management"; "configuration and validation capabilities"
    "fw": ["kiali", "observability", "telemetry", "tracing", "traffic-management", "configuration"],
    # title "Istio Product Security Working Group"; "security reports", "security vulnerabilities"
    "f8p": ["security"],
    # title "Istio as an API Gateway"; "your API Gateway"
    "f9t1": ["api-gateway", "gateway"],
    # title "Kubernetes Gateway APIs and the future of Istio networking APIs";
    # "an evolution of the Ingress API"
    "f9t2": ["kubernetes", "gateway", "networking-apis", "ingress"],
    # title "Automate mTLS communication"; "mutual TLS"; "Egress TLS origination";
    # "central certificate"; "Istio Gateway"
    "f9t3": ["mtls", "tls", "egress", "certificates", "gateway"],
    # title "Redis TLS Origination with the sidecar"; "external Redis provider";
    # (alternative to) "the egress gateway"
    "f9t4": ["redis", "tls", "sidecar", "egress"],
    # Social event: "network with the Istio community"
    "fn": ["networking"],
    # title "FICO's Istio Journey"; "why they chose Istio initially"
    "g1s": ["adoption"],
    # title "Istio at scale", "massive multitenant service mesh"; "scale and performance tests";
    # "configuration convergence", "manage configuration"; "traffic management"; "security"
    "g2s": ["scale", "multitenancy", "performance", "configuration", "traffic-management", "security"],
    # title "Debugging Istio"; "establish a zero-trust PaaS infrastructure"
    "g3p": ["debugging", "zero-trust"],
    # title "Apache Kafka with Istio on Kubernetes"; "security and operational benefits";
    # "enable mTLS"; "certificate renewals"; "Envoy WASM filters"
    "g4p": ["kafka", "kubernetes", "security", "mtls", "certificates", "wasm"],
    # title "large scale consumer e-commerce Infrastructure to Mesh";
    # "challenges involved in migrating"; "Istio Onboarding"
    "g5a": ["e-commerce", "migration", "scale", "adoption"],
    # "Adopting Istio"; "services running in Kubernetes"; "infrastructure at scale"
    "g6a": ["adoption", "kubernetes", "scale"],
    # title "API testing"; "Dynamic deployment of Envoy filters"; "Observability to trace
    # request execution flows"; "switch traffic between live services and mocks"
    "g7p": ["testing", "envoy", "observability", "tracing", "traffic-management"],
    # title "Better External Authorization"; "the authorization policy"
    "g8p": ["authorization"],
    # title "Optimal Canary Deployments using Istio ... over Spring Cloud and Kubernetes";
    # "Istio virtual services and destination rules", "Internal routing"
    "g9t1": ["canary", "spring-cloud", "kubernetes", "traffic-management"],
    # title "Istio Access Logs and Envoy's Documentation"; "diagnosing networking problems"
    "g9t2": ["access-logs", "envoy", "troubleshooting"],
    # title "Building resilient systems"; "graceful retries", "timeouts";
    # "hundreds of gRPC services"; "large number of YAML configurations"
    "g9t3": ["resilience", "grpc", "configuration"],
    # "platform that they built with kubernetes, Istio and knative"; "security, observability";
    # "external dns"; "Istio cni"
    "g9t4": ["kubernetes", "knative", "security", "observability", "dns", "cni"],
    # "Closing remarks for IstioCon": no topic words
    "g9z": [],
}

TYPE_MAP = {
    "keynote": "keynote",
    "talk": "talk",
    "adoption story": "adoption",
    "user spotlight": "spotlight",
    "lightning talk": "lightning",
    "workshop": "workshop",
    "networking/social": "social",
}

LANGUAGE_MAP = {"English": "en", "Chinese": "zh"}

# Scalar figures of conference.stats carried into the catalog (nested ones are skipped).
STATS_KEYS = [
    "registrants", "countries", "satisfaction_score", "unique_livestream_viewers",
    "unique_recording_viewers", "end_user_presentations", "partners",
    "sessions_in_chinese", "sessions_in_english", "workshops",
]

HEADER = """\
# yaml-language-server: $schema=./catalog.schema.json
# IstioCon 2021: the complete program, one record per session. This file is the source of truth.
# Source: softwareguru/istio-events@4c60d4977a43 (2021/content/sessions/*.md), event report for stats and popularity.
# Edit it while the bot runs; see README.md#catalog-format.
"""

TAG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TAGS = 6

# --------------------------------------------------------------------------
# YAML emitting helpers
# --------------------------------------------------------------------------
PLAIN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# YAML 1.1 booleans/nulls: never emit these plain.
RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _printable(c):
    o = ord(c)
    return (o in (0x09, 0x0A, 0x0D) or 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF
            or 0xE000 <= o <= 0xFFFD and o != 0xFEFF or 0x10000 <= o <= 0x10FFFF)


def dq(s):
    """JSON-style double-quoted scalar (valid YAML 1.1 and 1.2)."""
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif not _printable(c) or o in (0x85, 0x2028, 0x2029):
            out.append("\\u%04x" % o if o <= 0xFFFF else "\\U%08x" % o)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def scalar(s):
    """Plain for simple identifiers (ids, codes, tags), double-quoted otherwise."""
    if PLAIN_RE.match(s) and s.lower() not in RESERVED:
        return s
    return dq(s)


def text(s, indent):
    """Single-line text -> double-quoted; multi-line -> `|-` literal block.

    Trailing spaces/tabs at line ends are dropped in block scalars (YAML would
    keep them, but they carry no meaning in this Markdown)."""
    if "\n" not in s:
        return dq(s)
    lines = [line.rstrip(" \t") for line in s.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    body = "\n".join(lines)
    if any((not _printable(c)) or ord(c) in (0x85, 0x2028, 0x2029, 0x0D) for c in body) \
            or "\t" in body:
        return dq(s)  # not representable safely as a literal block
    header = "|-"
    first = next((line for line in lines if line), "")
    if first.startswith(" "):
        header = "|2-"  # explicit indentation: content is 2 deeper than the key
    pad = " " * (indent + 2)
    return header + "\n" + "\n".join(pad + line if line else "" for line in lines)


def flow_list(items):
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def num(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(v)
    return repr(v)


# --------------------------------------------------------------------------


def popularity_map(stats):
    pop = {}
    for key in ("most_popular_sessions_english_live_viewers",
                "most_popular_sessions_chinese_live_viewers"):
        for entry in stats.get(key) or []:
            ids = entry["session_id"]
            viewers = entry["live_viewers"]
            if isinstance(ids, list):
                note = 'shared figure for the whole "%s" block' % entry["title"]
                for sid in ids:
                    pop[sid] = (viewers, note)
            else:
                pop[ids] = (viewers, None)
    return pop


def to_zone(instant, zone):
    dt = datetime.strptime(instant, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return dt.astimezone(zone)


def pacific_day(instant):
    return to_zone(instant, PACIFIC)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        data = json.load(f)

    conf = data["conference"]
    sessions = data["sessions"]
    stats = conf.get("stats") or {}

    ids = [s["id"] for s in sessions]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate session ids in source")
    if set(ids) != set(TAGS):
        raise SystemExit("TAGS must cover exactly the source ids; missing %s, unknown %s"
                         % (sorted(set(ids) - set(TAGS)), sorted(set(TAGS) - set(ids))))
    for sid, tags in TAGS.items():
        if len(tags) > MAX_TAGS or len(set(tags)) != len(tags) \
                or not all(TAG_RE.match(t) for t in tags):
            raise SystemExit("bad tags for %s: %s" % (sid, tags))

    aliases = {}
    for sp in data["speakers"]:
        if sp.get("alternate_names"):
            aliases[sp["slug"]] = list(sp["alternate_names"])
            aliases.setdefault("name:" + sp["name"], list(sp["alternate_names"]))

    pop = popularity_map(stats)

    out = [HEADER]
    w = out.append

    # ---- conference
    w("conference:")
    w("  id: %s" % scalar("istiocon-2021"))
    w("  name: %s" % dq(conf["name"]))
    w("  start: %s" % dq(conf["dates"]["start"]))
    w("  end: %s" % dq(conf["dates"]["end"]))
    w("  timezone: %s  # English blocks start 08:00 US Pacific (GMT-8); days are counted in this zone"
      % dq("America/Los_Angeles"))
    w("  website: %s" % dq(conf["website"]))
    w("  description: %s" % dq(
        "The first IstioCon, a virtual (online) conference held February 22-26, 2021, "
        "with English-language and Chinese-language session blocks."))
    w("  stats:  # from the IstioCon 2021 event report")
    for key in STATS_KEYS:
        v = stats[key]
        w("    %s: %s" % (key, dq(v) if isinstance(v, str) else num(v)))
    w("  source: %s" % dq(
        "softwareguru/istio-events@4c60d4977a43 (2021/content/sessions/*.md); stats and popularity: "
        "IstioCon 2021 Report (2021/static/event-report/IstioCon2021-Report.pdf)"))
    w("")

    # ---- sessions
    w("sessions:")
    last_day = None
    last_block = None
    for i, s in enumerate(sessions):
        sid = s["id"]
        if i:
            w("")
        day = pacific_day(s["start"])
        if day.date() != last_day:
            w("  # --- %s (Pacific) ---" % day.strftime("%A %d %b").replace(" 0", " "))
            last_day = day.date()
        b = s.get("block") or {}
        if b.get("id") != last_block:
            when = pacific_day(b["block_start"]).strftime("%a %H:%M Pacific")
            if b["language"] == "chinese":
                when += ", " + to_zone(b["block_start"], BEIJING).strftime("%a %H:%M Beijing")
            w("  # block %s (%s): starts %s UTC = %s" % (
                b["id"], b["language"].capitalize(),
                b["block_start"][:16].replace("T", " "), when))
            last_block = b.get("id")

        if s["type"] == "networking/social":
            w('  # draft networking entry in the source; listed so "office hours"/"social" questions find it')
        w("  - id: %s" % scalar(sid))
        w("    title: %s" % dq(s["title"]))
        w("    type: %s" % scalar(TYPE_MAP[s["type"]]))
        lang = s["language"]
        if lang in LANGUAGE_MAP:
            w("    language: %s" % scalar(LANGUAGE_MAP[lang]))
        elif lang == "subtitled":
            w('    language: und  # source says only "subtitled"; spoken language not stated')
            w("    subtitled: true")
        elif lang is None:
            w("    language: und  # source gives no language")
        else:
            raise SystemExit("unknown language %r for %s" % (lang, sid))
        w("    start: %s" % dq(s["start"]))
        w("    end: %s" % dq(s["end"]))
        if s["speakers"]:
            w("    speakers:")
            for sp in s["speakers"]:
                w("      - name: %s" % dq(sp["name"]))
                if sp.get("company") is not None:
                    w("        company: %s" % dq(sp["company"]))
                al = aliases.get(sp.get("speaker_slug")) or aliases.get("name:" + sp["name"])
                if al:
                    w("        aliases: [%s]" % ", ".join(dq(a) for a in al))
        else:
            w("    speakers: []")
        if s.get("abstract") is not None:
            w("    abstract: %s" % text(s["abstract"], 4))
        if s.get("summary") is not None:
            w("    summary: %s" % text(s["summary"], 4))
        if TAGS[sid]:
            w("    tags: %s" % flow_list(TAGS[sid]))
        for key, src in (("video", "video"), ("slides", "slides"), ("page", "page_url")):
            if s.get(src) is not None:
                w("    %s: %s" % (key, dq(s[src])))
        if sid in pop:
            viewers, note = pop[sid]
            w("    popularity: %d%s" % (viewers, "  # " + note if note else ""))
        w("    source: %s" % dq(s["source"]))

    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
