"""`import planner` (and the rules backend) stay light: no torch, diffusers or transformers."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("torch", "diffusers", "transformers", "xgrammar", "openai")


def test_import_planner_is_light():
    code = (
        "import json, sys, planner\n"
        "planner.make_plan('three cats to the left of a dog', planner='rules')\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_public_names():
    import planner

    for name in ("make_plan", "PlannerError", "PlanningFailedError", "ServiceUnavailableError", "Plan"):
        assert name in planner.__all__ and getattr(planner, name)
    assert issubclass(planner.PlanningFailedError, planner.PlannerError)
    assert issubclass(planner.ServiceUnavailableError, planner.PlannerError)
