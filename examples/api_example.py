"""Plan a prompt, look at the plan, edit it in code, and render both versions on one loaded model.

    python examples/api_example.py                # tiny random model on the CPU (proves it runs)
    python examples/api_example.py --real         # FLUX.1-dev on a CUDA GPU (needs the weights)

Writes out/api-example/first/ (plan.json, layout.png, image.png, overlay.png) and .../edited/.
"""

from __future__ import annotations

import sys

from planner import make_plan, validate_plan
from renderer import DEFAULT_MODEL, load_pipeline, plan_and_render

PROMPT = (
    "A cosy kitchen in the morning, soft window light, film photograph. A white teapot stands on "
    "the left of a wooden table, a bowl of red cherries sits in the middle, and a small potted "
    "basil plant grows on the windowsill on the right."
)


def main() -> None:
    real = "--real" in sys.argv
    # Load the model once and reuse it for every render (the tiny one is built in code, in seconds).
    pipe = load_pipeline(DEFAULT_MODEL if real else "tiny")
    size = {} if real else {"width": 512, "height": 512, "steps": 8}

    # 1. The plan alone: cheap, no model involved. Print what the planner decided.
    plan = make_plan(PROMPT, planner="rules", **{k: v for k, v in size.items() if k != "steps"})
    for region in plan.regions:
        print(f"{region.label:>20}  {region.box}  {region.prompt}")

    # 2. Render it and save everything (plan first, atomically).
    first = plan_and_render(plan, pipe=pipe, seed=1, **size)
    first.save("out/api-example/first")

    # 3. Edit the plan as data: move the first region to the right half and enrich its prompt.
    #    validate_plan checks the edit (boxes inside [0, 1], sizes, ...) with one-line errors.
    data = plan.model_dump(exclude_none=True)
    if data["regions"]:
        data["regions"][0]["box"] = [0.55, 0.35, 0.95, 0.9]
        data["regions"][0]["prompt"] += ", glazed porcelain with a blue rim"
    edited = validate_plan(data)

    # 4. Render the edited plan with the same seed: only the plan changed.
    second = plan_and_render(edited, pipe=pipe, seed=1, base_ratio=0.15, **size)
    paths = second.save("out/api-example/edited")
    print("wrote", ", ".join(str(path) for path in paths.values()))


if __name__ == "__main__":
    main()
