"""Print pip constraints that pin every direct dependency to the minimum pyproject.toml declares.

CI installs the project once more with these constraints, so the oldest versions the project
claims to support are the ones tested; reading them from pyproject.toml keeps the two from
drifting. Covers `[project] dependencies` and every optional extra (an extra added later is
pinned too, with no change here). A requirement without a `>=` or `==` lower bound is an error:
a range that is not pinned at its bottom is not tested at its bottom.

Names listed in SKIP are left to the other constraints file (torch: always the local CPU build).

Usage: python .ci/min_constraints.py [pyproject.toml] > min-constraints.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib  # Python 3.11+: CI's Python

SKIP = {"torch"}  # the CI machine's local CPU build, pinned in .ci/constraints.txt
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;.*)?$")


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def minimum_pin(requirement: str) -> tuple[str, str] | None:
    """`name[extra]>=1.2,<2; marker` -> ("name", "==1.2"); None for a name in SKIP."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, specifiers = _normalized(match.group(1)), match.group(2)
    if name in SKIP:
        return None
    bounds = [s.strip() for s in specifiers.split(",") if s.strip()]
    lower = [b for b in bounds if b.startswith((">=", "==", "~="))]
    if len(lower) != 1:
        raise ValueError(f"{requirement!r}: give exactly one lower bound (>=, == or ~=) so CI can pin it")
    return name, "==" + lower[0][2:].strip()


def minimum_constraints(pyproject: Path) -> list[str]:
    """One `name==minimum` line per direct dependency, extras included, sorted and deduplicated."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    pins: dict[str, str] = {}
    for requirement in requirements:
        pin = minimum_pin(requirement)
        if pin is None:
            continue
        name, version = pin
        if pins.setdefault(name, version) != version:
            raise ValueError(f"{name}: two different minimums ({pins[name]} and {version}); declare one")
    return [f"{name}{version}" for name, version in sorted(pins.items())]


def main(argv: list[str]) -> int:
    pyproject = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "pyproject.toml"
    print("\n".join(minimum_constraints(pyproject)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
