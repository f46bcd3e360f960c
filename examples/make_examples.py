"""Regenerate the example plans: each prompt in prompts.json -> <name>/prompt.txt, plan.json, layout.png.

    python examples/make_examples.py            # rewrite every example with the rules planner
    python examples/make_examples.py --check    # exit 1 if a stored plan differs from what the planner makes now

The plans are what the offline rules planner makes of each prompt, unedited, so they show what
to expect from it. Render one with, for example:

    plan-and-render --plan examples/harbour-at-dawn/plan.json --out out/harbour-at-dawn
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner import make_plan
from planner.plan import write_atomic
from renderer.layout import draw_layout
from renderer.metadata import save_png

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the stored plans, write nothing")
    args = parser.parse_args(argv)
    examples = json.loads((HERE / "prompts.json").read_text(encoding="utf-8"))
    stale = []
    for example in examples:
        folder = HERE / example["name"]
        plan = make_plan(example["prompt"], planner="rules", width=example["width"], height=example["height"])
        if args.check:
            stored = folder / "plan.json"
            if not stored.exists() or stored.read_text(encoding="utf-8") != plan.to_json():
                stale.append(example["name"])
            continue
        write_atomic(folder / "prompt.txt", (example["prompt"] + "\n").encode("utf-8"))
        plan.save(folder / "plan.json")
        save_png(folder / "layout.png", draw_layout(plan, long_side=512), picture="layout")
        print(f"{example['name']}: {len(plan.regions)} regions, {plan.width}x{plan.height}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python examples/make_examples.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
