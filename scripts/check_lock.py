"""Checks that the lock files still tell the truth (make check; make lock runs it too).

- requirements/*.txt name no package index, find-links or local path (a machine's own pip
  configuration must never leak into a committed file), and pin every package exactly, with
  hashes;
- every dependency in pyproject.toml (and in each extra a lock covers) is pinned there at a
  version its range allows: a dependency added without `make lock` fails here, not on a fresh
  machine;
- a package has the same version in every lock;
- the hooks in .pre-commit-config.yaml run the versions pinned for `make lint`;
- CONTRIBUTING.md's dependency table has a row for every dependency (and says why).
"""

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
#: Each lock file and the extras it covers, beside the base dependencies.
LOCKS = {
    "base": [],
    "postgres": ["postgres"],
    "test": ["postgres", "test", "browser"],
    "bench": ["postgres", "bench"],
}
#: pre-commit hook repositories and the package (pinned in the test extra) each one runs.
HOOKS = {
    "https://github.com/astral-sh/ruff-pre-commit": ("ruff", "v{}"),
    "https://github.com/rtts/djhtml": ("djhtml", "{}"),
    "https://github.com/adamchainz/django-upgrade": ("django-upgrade", "{}"),
    "https://github.com/pre-commit/pre-commit-hooks": ("pre-commit-hooks", "v{}"),
}
FORBIDDEN = re.compile(r"--index-url|--extra-index-url|--find-links|--trusted-host|^-[if]\s|file:|"
                       r"(^|[\s=])/(opt|work|tmp|root|home|usr|var)/", re.MULTILINE)  # fmt: skip
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def read_lock(path, problems):
    text = path.read_text(encoding="utf-8")
    for match in FORBIDDEN.finditer(text):
        line = text[: match.start()].count("\n") + 1
        problems.append(f"{path.name}:{line}: names a package source or local path")
    pins = {}
    for block in re.split(r"\n(?=\S)", text):
        if block.startswith("#") or not block.strip():
            continue
        match = PIN.match(block)
        if not match:
            problems.append(f"{path.name}: not an exact pin: {block.splitlines()[0]}")
            continue
        if "--hash=sha256:" not in block:
            problems.append(f"{path.name}: {match[1]} has no hash")
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def main():
    problems = []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    locks = {}
    for name, covered in LOCKS.items():
        path = ROOT / "requirements" / f"{name}.txt"
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing: run make lock")
            continue
        pins = locks[name] = read_lock(path, problems)
        wanted = [*project["dependencies"], *(r for extra in covered for r in extras[extra])]
        for line in wanted:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate():
                continue
            version = pins.get(canonicalize_name(requirement.name))
            if version is None:
                problems.append(f"{path.name}: {requirement.name} is not locked: run make lock")
            elif not requirement.specifier.contains(version, prereleases=True):
                problems.append(
                    f"{path.name}: {requirement.name}=={version} is outside {requirement.specifier}"
                    ": run make lock"
                )
    seen = {}
    for name, pins in locks.items():
        for package, version in pins.items():
            first = seen.setdefault(package, (name, version))
            if first[1] != version:
                problems.append(f"{package}: {version} in {name}.txt, {first[1]} in {first[0]}.txt")
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    revs = dict(re.findall(r"repo:\s*(\S+)\s*\n\s*rev:\s*[\"']?([^\s\"']+)", config))
    test_pins = locks.get("test", {})
    for repo, (package, form) in HOOKS.items():
        want = form.format(test_pins.get(canonicalize_name(package), "?"))
        if revs.get(repo) != want:
            problems.append(
                f".pre-commit-config.yaml: {repo} at {revs.get(repo)}, but make lint runs "
                f"{package} {want}: keep them in step"
            )
    table = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([^|]*)\|", table, re.MULTILINE)
    documented = {canonicalize_name(name) for row in rows for name in re.findall(r"`([^`]+)`", row)}
    for line in [*project["dependencies"], *(r for group in extras.values() for r in group)]:
        name = Requirement(line).name
        if canonicalize_name(name) not in documented:
            problems.append(f"CONTRIBUTING.md: no row for {name} in the dependency table")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
