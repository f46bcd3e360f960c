"""What the language model is asked for, and how its answer becomes a Plan.

The model only supplies the plan's content (base_prompt, background_prompt, regions); the planner
fills in version, prompt, width and height. Answers are read as JSON only (never eval), even when
wrapped in prose or Markdown fences. Small, unambiguous box mistakes are fixed here (clamping,
swapping, dropping degenerate boxes); anything else is reported so it can go back to the model
through the repair prompt.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.plan import PLAN_VERSION, Plan

log = logging.getLogger("planner")

CLAMP_TOLERANCE = 0.05
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


class RegionContent(BaseModel):
    """One region as the model writes it."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(description="Short singular noun phrase with its key attribute, e.g. 'red fox'.")
    prompt: str = Field(description="Detailed description of what is inside the box.")
    box: list[float] = Field(
        description="[x0, y0, x1, y1] as fractions of width and height, origin top-left."
    )


class PlanContent(BaseModel):
    """The part of a plan the model writes (the planner fills in the rest)."""

    model_config = ConfigDict(extra="forbid")

    base_prompt: str = Field(description="The whole scene in the user's words, with style and light.")
    background_prompt: str = Field(description="What fills the area no region covers; may be empty.")
    regions: list[RegionContent] = Field(description="One region per object instance, in prompt order.")


@dataclass(frozen=True)
class SchemaLimits:
    """Caps written into the JSON schema for constrained decoding, so generation always ends."""

    max_regions: int = 16
    label_chars: int = 48
    prompt_chars: int = 400
    base_chars: int = 2000


def content_json_schema(max_regions: int, limits: SchemaLimits | None = None) -> dict[str, Any]:
    """JSON Schema of PlanContent, usable for OpenAI structured outputs and for xgrammar.

    With `limits`, strings get a length-bounded pattern and the region list maxItems, and box
    numbers are bounded to [0, 1], which keeps a grammar-constrained generation short.
    """

    def text(cap: int | None, allow_empty: bool = False) -> dict[str, Any]:
        if cap is None:
            return {"type": "string"}
        # A pattern bounds the length and keeps the first character visible, so no blank
        # labels; quotes, backslashes and control characters are left out to keep it simple.
        body = f'[^\\s"\\\\\\x00-\\x1f][^"\\\\\\x00-\\x1f]{{0,{cap - 1}}}'
        return {"type": "string", "pattern": f"^({body})?$" if allow_empty else f"^{body}$"}

    bounded = limits is not None
    number: dict[str, Any] = {"type": "number"}
    if bounded:
        number.update(minimum=0, maximum=1)
    region = {
        "type": "object",
        "properties": {
            "label": text(limits.label_chars if limits else None),
            "prompt": text(limits.prompt_chars if limits else None),
            "box": {"type": "array", "items": number, "minItems": 4, "maxItems": 4},
        },
        "required": ["label", "prompt", "box"],
        "additionalProperties": False,
    }
    regions: dict[str, Any] = {"type": "array", "items": region}
    if bounded:
        regions["maxItems"] = min(max_regions, limits.max_regions)
    return {
        "type": "object",
        "properties": {
            "base_prompt": text(limits.base_chars if limits else None),
            "background_prompt": text(limits.prompt_chars if limits else None, allow_empty=True),
            "regions": regions,
        },
        "required": ["base_prompt", "background_prompt", "regions"],
        "additionalProperties": False,
    }


class ContentError(ValueError):
    """The answer could not become a valid plan; `problems` are lines for the repair prompt."""

    def __init__(self, problems: list[str], *, too_many_regions: bool = False) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.too_many_regions = too_many_regions


def extract_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in an answer: bare, inside ```json fences, or inside prose.

    Raises ContentError when there is none. Uses json only (never eval).
    """
    stripped = text.strip()
    candidates = [stripped, *(m.group(1).strip() for m in _FENCE.finditer(text))]
    decoder = json.JSONDecoder(strict=False)  # tolerate raw tabs/control characters inside strings
    for candidate in candidates:
        try:
            data = decoder.decode(candidate)
        except (json.JSONDecodeError, RecursionError):
            continue
        if isinstance(data, dict):
            return data
    last_error = "no JSON object found"
    for match in re.finditer(r"\{", text):
        try:
            data, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError as exc:
            if last_error == "no JSON object found":
                last_error = f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
            continue
        except RecursionError:
            continue
        if isinstance(data, dict):
            return data
    raise ContentError([f"the answer is not a JSON object: {last_error}"])


def _fix_box(box: Any, where: str) -> tuple[Any, bool]:
    """Clamp a box slightly out of range and swap flipped corners; (box, keep)."""
    if not (isinstance(box, (list, tuple)) and len(box) == 4):
        return box, True
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in box):
        return box, True
    values = [float(v) for v in box]
    if all(-CLAMP_TOLERANCE <= v <= 1 + CLAMP_TOLERANCE for v in values):
        values = [min(1.0, max(0.0, v)) for v in values]
    x0, y0, x1, y1 = values
    if x0 > x1 or y0 > y1:
        log.warning("%s: flipped box %s, swapped its corners", where, box)
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
    if x0 == x1 or y0 == y1:
        log.warning("%s: box %s has zero area, dropped the region", where, box)
        return None, False
    return [x0, y0, x1, y1], True


@dataclass
class ContentOptions:
    """What the planner fills in and enforces around the model's content."""

    prompt: str
    width: int = 1024
    height: int = 1024
    max_regions: int = 16
    truncate_extra_regions: bool = False
    notes: list[str] = field(default_factory=list)


def content_to_plan(data: dict[str, Any], options: ContentOptions) -> Plan:
    """Turn the model's content into a validated Plan, fixing small box mistakes.

    Raises ContentError with the problems to show the model in a repair prompt.
    """
    raw_regions = data.get("regions", [])
    if raw_regions is None:
        raw_regions = []
    if not isinstance(raw_regions, list):
        raise ContentError(["regions: must be a list of region objects"])
    regions: list[Any] = []
    for index, region in enumerate(raw_regions):
        if isinstance(region, dict):
            region = {k: region[k] for k in ("label", "prompt", "box") if k in region}
            if "box" in region:
                region["box"], keep = _fix_box(region["box"], f"regions[{index}]")
                if not keep:
                    continue
        regions.append(region)
    if len(regions) > options.max_regions:
        if not options.truncate_extra_regions:
            raise ContentError(
                [
                    f"regions: {len(regions)} regions is more than the limit of {options.max_regions}; "
                    f"merge or leave out the least important ones"
                ],
                too_many_regions=True,
            )
        log.warning(
            "the model gave %d regions, more than the limit of %d: kept the first %d",
            len(regions),
            options.max_regions,
            options.max_regions,
        )
        regions = regions[: options.max_regions]
    plan_data = {
        "version": PLAN_VERSION,
        "prompt": options.prompt,
        "base_prompt": data.get("base_prompt", ""),
        "background_prompt": data.get("background_prompt", "") or "",
        "width": options.width,
        "height": options.height,
        "regions": regions,
    }
    try:
        return Plan.model_validate(plan_data, context={"max_regions": options.max_regions})
    except ValidationError as exc:
        raise ContentError(describe_validation_errors(exc)) from None


def describe_validation_errors(error: ValidationError, limit: int = 10) -> list[str]:
    """One line per validation problem, e.g. 'regions[1].box: box [...] must lie inside [0, 1]'."""
    lines = []
    for item in error.errors()[:limit]:
        loc = ""
        for part in item["loc"]:
            loc += f"[{part}]" if isinstance(part, int) else (f".{part}" if loc else str(part))
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{loc or 'plan'}: {message}")
    more = len(error.errors()) - limit
    if more > 0:
        lines.append(f"(and {more} more problems)")
    return lines
