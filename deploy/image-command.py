#!/usr/bin/env python3
"""Prints how the image built from the Dockerfile starts the bot, mapped onto this checkout.

deploy/smoke.sh and deploy/measure-footprint.sh run the jar through this, so they use exactly the
image's ENTRYPOINT, CMD, ENV and USER and cannot drift from the Dockerfile. Paths that the runtime
stage COPYs (the jar, the catalog) are replaced by where they are in this checkout.

  deploy/image-command.py [--catalog DIR]

Output, one item per line: "user UID:GID", "expose PORT", "env NAME=VALUE", then "arg VALUE" for
each word of ENTRYPOINT followed by CMD. --catalog replaces CATALOG_DIR; other paths under the
image's WORKDIR that nothing is copied to (DATA_DIR) are mapped into WORK.
"""
import json
import os
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(path):
    """Yields (KEYWORD, arguments) with continuation lines joined and comments dropped."""
    pending = ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not pending and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if line.endswith("\\"):
                pending += line[:-1] + " "
                continue
            line = pending + line
            pending = ""
            keyword, _, rest = line.strip().partition(" ")
            yield keyword.upper(), rest.strip()


def stages(path):
    """Returns the stages as lists of (KEYWORD, arguments), each starting with its FROM."""
    out = []
    for keyword, rest in instructions(path):
        if keyword == "FROM":
            out.append([])
        if out:
            out[-1].append((keyword, rest))
    return out


def main(argv):
    options = dict(zip(argv[::2], argv[1::2]))
    if len(argv) % 2 or not set(options) <= {"--work", "--catalog"} or "--work" not in options:
        sys.exit("usage: deploy/image-command.py --work WORK [--catalog DIR]")
    work = os.path.abspath(options["--work"])
    catalog = os.path.abspath(options["--catalog"]) if "--catalog" in options else None
    all_stages = stages(os.path.join(ROOT, "Dockerfile"))
    workdirs = {}
    for stage in all_stages:
        words = stage[0][1].split()
        name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
        workdirs[name] = next((rest for k, rest in stage if k == "WORKDIR"), "/")
    workdir = workdirs[name]  # the runtime stage's: the last one read
    runtime = all_stages[-1]
    env, entrypoint, cmd, user, expose, copies, runs = {}, [], [], None, None, {}, []
    for keyword, rest in runtime:
        if keyword == "ENV":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                env[name] = value
        elif keyword == "ENTRYPOINT":
            entrypoint = json.loads(rest)
        elif keyword == "CMD":
            cmd = json.loads(rest)
        elif keyword == "USER":
            user = rest
        elif keyword == "EXPOSE":
            expose = rest
        elif keyword == "RUN":
            runs.append(rest)
        elif keyword == "COPY":
            words = shlex.split(rest)
            source_stage = next((w.split("=", 1)[1] for w in words if w.startswith("--from=")), None)
            paths = [w for w in words if not w.startswith("--")]
            source, dest = paths[0], paths[-1]
            if source_stage is not None:
                # /build/target/x.jar in the build stage, whose WORKDIR is this checkout's root
                local = os.path.relpath(source, workdirs.get(source_stage, "/"))
            else:
                local = source
            copies[dest.rstrip("/")] = os.path.join(ROOT, local).rstrip("/")

    def local(word):
        """Maps an image path, or a flag's NAME=PATH value, onto this checkout or WORK."""
        name, eq, value = word.rpartition("=") if word.startswith("-") else ("", "", word)
        path = value.rstrip("/")
        if path in copies:
            path = copies[path]
        elif path.startswith(workdir.rstrip("/") + "/"):
            path = os.path.join(work, os.path.relpath(path, workdir))
        else:
            return word
        return name + eq + path

    for name in env:
        env[name] = local(env[name])  # CATALOG_DIR to this checkout's catalog, DATA_DIR into WORK
    if catalog is not None:
        env["CATALOG_DIR"] = catalog
    print("user", user)
    print("expose", expose)
    for name, value in env.items():
        print("env", name + "=" + value)
    training = [r for r in runs if "-XX:ArchiveClassesAtExit=" in r]
    if training:
        # NAME=VALUE... java ARGS...; the checks after the first ";" are the image build's own
        words = shlex.split(training[0].split(";")[0])
        while words and "=" in words[0] and not words[0].startswith("-"):
            name, _, value = words.pop(0).partition("=")
            if value.startswith("/tmp/"):
                value = os.path.join(work, value[1:])  # the training's scratch folders, into WORK
            print("train-env", name + "=" + value)
        for word in words:
            print("train-arg", local(word))
    for word in entrypoint + cmd:
        print("arg", local(word))


if __name__ == "__main__":
    main(sys.argv[1:])
