"""The LLM's answer contract, and how an answer becomes a Plan.

The pydantic models below are the one contract for what the language model writes (the
instructor pattern): the JSON schema sent to OpenAI-compatible servers and the grammar given to
xgrammar are generated from them (`content_model` writes the region cap, and for grammars the
length caps, into the fields), answers are validated against them, and their field descriptions
are what the model reads (the system prompt lists them too, for servers without structured output).

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
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from planner.plan import PLAN_VERSION, Plan
from planner.validation_messages import problem_lines

log = logging.getLogger("planner")

CLAMP_TOLERANCE = 0.05
MAX_CANDIDATES = 16  # JSON objects tried per answer, in order
_JSON_TOKENS = re.compile(r'[{}"\\]')


class RegionContent(BaseModel):
    """One region as the model writes it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    label: str = Field(
        description="A short singular noun phrase with its key attribute, on one line, "
        'e.g. "red backpack" or "old lighthouse".'
    )
    prompt: str = Field(
        description="A detailed description of only what is inside the box: the object with every "
        "attribute the description gives it (colour, material, size, pose, action), plus the scene's "
        "style and light so all parts match; never another region's colours or attributes."
    )
    box: list[float] = Field(
        min_length=4,
        max_length=4,
        description="[x0, y0, x1, y1] as fractions of the image width and height, origin at the top-left "
        "corner, x to the right, y downwards, 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1. Follow every "
        "spatial word: left/right, above/below, corners, centre, between, next to; in front of is lower "
        "and larger, behind is higher and smaller; a thing on or in another thing overlaps it. Give "
        "each object a realistic size.",
    )


class PlanContent(BaseModel):
    """The part of a plan the model writes (the planner fills in the rest)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    base_prompt: str = Field(
        description="The whole scene in the user's own words (keep them all), followed by the style, "
        "light and mood the user gave."
    )
    background_prompt: str = Field(
        description="What fills the area no region covers (sky, room, landscape, plain backdrop); "
        '"" when the description says nothing about it.'
    )
    regions: list[RegionContent] = Field(
        description="One region per object instance that has a place in the image, in the order the "
        'description mentions them: "three cats" is three regions labelled "cat". Scene and '
        "background words (a beach, a kitchen, the sky) and things the description excludes "
        '("no people", "without a hat") get no region. [] when there is nothing to place.'
    )


def answer_fields() -> list[tuple[str, str]]:
    """(name, description) of every field the model writes, for the system prompt."""
    fields = [*PlanContent.model_fields.items(), *RegionContent.model_fields.items()]
    return [(name, info.description or "") for name, info in fields]


@dataclass(frozen=True)
class SchemaLimits:
    """Caps written into the grammar for constrained decoding, so generation always ends."""

    max_regions: int = 16
    label_chars: int = 48
    prompt_chars: int = 400
    base_chars: int = 2000


def _capped_text(cap: int, allow_empty: bool = False) -> Any:
    # A pattern bounds the length and keeps the first character visible, so no blank labels;
    # quotes, backslashes and control characters (newlines too) are left out to keep it simple.
    body = f'[^\\s"\\\\\\x00-\\x1f][^"\\\\\\x00-\\x1f]{{0,{cap - 1}}}'
    return Field(pattern=f"^({body})?$" if allow_empty else f"^{body}$")


def content_model(max_regions: int, limits: SchemaLimits | None = None) -> type[PlanContent]:
    """PlanContent with the region cap written into `regions` (maxItems in its JSON schema).

    With `limits` (constrained decoding), strings get length-bounded patterns, box numbers are
    bounded to [0, 1] and the cap is also at most `limits.max_regions`, which keeps a
    grammar-constrained generation short. Descriptions stay those of PlanContent/RegionContent.
    """
    plan_fields = PlanContent.model_fields
    region_model: type[RegionContent] = RegionContent
    cap = max(0, max_regions)
    overrides: dict[str, Any] = {}
    if limits is not None:
        cap = min(cap, limits.max_regions)
        region_fields = RegionContent.model_fields
        unit = Annotated[float, Field(ge=0, le=1)]
        region_model = create_model(
            "RegionContent",
            __base__=RegionContent,
            label=(str, _with_description(_capped_text(limits.label_chars), region_fields["label"])),
            prompt=(str, _with_description(_capped_text(limits.prompt_chars), region_fields["prompt"])),
            box=(list[unit], Field(min_length=4, max_length=4, description=region_fields["box"].description)),
        )
        overrides["base_prompt"] = (
            str,
            _with_description(_capped_text(limits.base_chars), plan_fields["base_prompt"]),
        )
        overrides["background_prompt"] = (
            str,
            _with_description(
                _capped_text(limits.prompt_chars, allow_empty=True), plan_fields["background_prompt"]
            ),
        )
    regions = Field(max_length=cap, description=plan_fields["regions"].description)
    return create_model(
        "PlanContent", __base__=PlanContent, regions=(list[region_model], regions), **overrides
    )


def _with_description(info: Any, original: Any) -> Any:
    info.description = original.description
    return info


def content_json_schema(max_regions: int, limits: SchemaLimits | None = None) -> dict[str, Any]:
    """The JSON schema of `content_model(max_regions, limits)`: for structured outputs and xgrammar."""
    return content_model(max_regions, limits).model_json_schema()


class ContentError(ValueError):
    """The answer could not become a valid plan; `problems` are lines for the repair prompt."""

    def __init__(self, problems: list[str], *, too_many_regions: bool = False) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.too_many_regions = too_many_regions


def _object_spans(text: str, *, skip_strings: bool) -> list[tuple[int, int]]:
    """(start, end) of each outermost balanced {...} in `text`, in order; one pass, linear time.

    With `skip_strings`, braces inside JSON strings (within an object) do not count. A span that
    closes inside an unclosed brace still counts, so "{ junk {...}" finds the inner object.
    """
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    in_string = False
    skip_to = -1
    for match in _JSON_TOKENS.finditer(text):
        position, token = match.start(), match.group()
        if position < skip_to:
            continue
        if in_string:
            if token == "\\":
                skip_to = position + 2
            elif token == '"':
                in_string = False
            continue
        if token == '"' and opened and skip_strings:
            in_string = True
        elif token == "{":
            opened.append(position)
        elif token == "}" and opened:
            start = opened.pop()
            while spans and spans[-1][0] > start:  # now inside this one: no longer outermost
                spans.pop()
            spans.append((start, position + 1))
    return spans


def json_objects(text: str, limit: int = MAX_CANDIDATES) -> list[dict[str, Any]]:
    """The JSON objects in an answer, in order: bare, inside ```json fences, or inside prose.

    Linear in the answer's length: one scan finds the outermost balanced braces and each is
    decoded once. Uses json only (never eval). Empty when there is none.
    """
    decoder = json.JSONDecoder(strict=False)  # tolerate raw tabs/control characters inside strings
    found: list[dict[str, Any]] = []
    for skip_strings in (True, False):  # the second pass rescues answers with a stray quote
        spans = _object_spans(text, skip_strings=skip_strings)
        for start, end in spans[: 4 * limit]:  # "{}{}{}..." must not cost a decode per pair
            try:
                data = decoder.decode(text[start:end])
            except (json.JSONDecodeError, RecursionError):
                continue
            if isinstance(data, dict) and data not in found:
                found.append(data)
            if len(found) >= limit:
                return found
        if found:
            break
    return found


def _fix_box(box: Any, where: str) -> tuple[Any, bool]:
    """Clamp a box slightly out of range and swap flipped corners; (box, keep)."""
    if not (isinstance(box, (list, tuple)) and len(box) == 4):
        return box, True
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in box):
        return box, True
    values = [float(v) for v in box]
    if any(v != v or v in (float("inf"), float("-inf")) for v in values):
        return box, True  # not a number: validation names it
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


def _contract_regions(data: dict[str, Any], options: ContentOptions) -> list[Any]:
    """The answer's regions with unknown keys dropped, boxes fixed and the limit kept.

    A region whose box cannot be fixed is left out; more regions than the limit is a problem for
    the model to repair, or a warning and the first ones kept where the settings allow it.
    """
    raw_regions = data.get("regions", [])
    if raw_regions is None:
        raw_regions = []
    if not isinstance(raw_regions, list):
        raise ContentError(["regions: must be a list of region objects"])
    regions: list[Any] = []
    for index, region in enumerate(raw_regions):
        if isinstance(region, dict):  # keys the contract does not know are dropped, not refused
            region = {k: region[k] for k in RegionContent.model_fields if k in region}
            if "box" in region:
                region["box"], keep = _fix_box(region["box"], f"regions[{index}]")
                if not keep:
                    continue
        regions.append(region)
    if len(regions) <= options.max_regions:
        return regions
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
    return regions[: options.max_regions]


def content_to_plan(data: dict[str, Any], options: ContentOptions) -> Plan:
    """Turn one JSON object of the model's into a validated Plan, fixing small box mistakes.

    The object is validated against `content_model(options.max_regions)`, then as a Plan.
    Raises ContentError with the problems to show the model in a repair prompt.
    """
    answer = {
        "base_prompt": data.get("base_prompt", ""),
        "background_prompt": data.get("background_prompt", "") or "",
        "regions": _contract_regions(data, options),
    }
    problems: list[str] = []
    try:
        answer = content_model(options.max_regions).model_validate(answer).model_dump()
    except ValidationError as exc:
        problems = problem_lines(exc)
    plan_data = {
        "version": PLAN_VERSION,
        "prompt": options.prompt,
        **answer,
        "width": options.width,
        "height": options.height,
    }
    try:
        plan = Plan.model_validate(plan_data, context={"max_regions": options.max_regions})
    except ValidationError as exc:  # the plan's own rules (box order and range, blank text, ...)
        named = {line.split(":")[0] for line in problems}
        problems += [line for line in problem_lines(exc) if line.split(":")[0] not in named]
    if problems:
        raise ContentError(problems)
    return plan


def plan_from_answer(text: str, options: ContentOptions) -> Plan:
    """The first JSON object in the answer that becomes a valid Plan (a valid plan may follow an example).

    Raises ContentError naming the problems of the most plan-like object (or saying there is no
    JSON object at all); never another exception, whatever the text.
    """
    candidates = json_objects(text)
    if not candidates:
        raise ContentError(["the answer is not a JSON object: no JSON object found"])
    failures: list[tuple[dict[str, Any], ContentError]] = []
    for data in candidates:
        try:
            return content_to_plan(data, options)
        except ContentError as exc:
            failures.append((data, exc))
    plan_like = [exc for data, exc in failures if {"base_prompt", "regions"} & set(data)]
    raise (plan_like or [failures[0][1]])[0]
