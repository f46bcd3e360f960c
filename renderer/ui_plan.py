"""The browser editor's plan logic, without Gradio: table rows, canvas boxes and plans, one to another.

The page shows a plan twice: as boxes on a canvas (pixel corners on a picture of the plan's
size, the shape `gradio_image_annotation` uses) and as a table with one row per region (label,
prompt, x0, y0, x1, y1 as fractions). These pure functions keep the two in step and turn what
the page holds back into a validated `Plan`, so every check and message is the plan model's own.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from planner.plan import MAX_REGIONS, Plan, PlanError, validate_plan
from renderer.layout import BACKGROUND_TINT, HATCH_COLOUR, region_colour

COLUMNS = ["label", "prompt", "x0", "y0", "x1", "y1"]
CANVAS_LONG_SIDE = 640  # the canvas picture's longer side in pixels, whatever the plan's size
DIGITS = 4  # fractions shown in the table: 1/10000 of a side is finer than any canvas pixel

Row = list[Any]  # [label, prompt, x0, y0, x1, y1]


@dataclass(frozen=True)
class Loaded:
    """What an uploaded file gave: the plan, the settings it carries (by name), and its model."""

    plan: Plan
    settings: dict[str, Any] = field(default_factory=dict)
    model: str | None = None


# ------------------------------------------------------------------ plan -> page
def rows_from_plan(plan: Plan) -> list[Row]:
    """One table row per region. Regions drawn with a mask image cannot be shown as boxes: PlanError."""
    rows = []
    for number, region in enumerate(plan.regions, 1):
        if region.box is None:
            raise PlanError(
                f"region {number} ({region.label}) uses a mask image; the browser editor edits boxes only: "
                "render this plan with the plan-and-render command"
            )
        rows.append([region.label, region.prompt, *(round(v, DIGITS) for v in region.box)])
    return rows


def canvas_boxes(rows: list[Row], width: int, height: int) -> list[dict[str, Any]]:
    """The rows as canvas boxes: pixel corners on a width x height picture, each in its region colour.

    Rows whose box is not four numbers are left off the canvas (the table still shows them, and
    building the plan names the problem).
    """
    boxes = []
    for index, row in enumerate(rows):
        corners = _numbers(row[2:6])
        if corners is None:
            continue
        x0, y0, x1, y1 = corners
        boxes.append(
            {
                "label": str(row[0]),
                "color": region_colour(index),
                "xmin": round(x0 * width),
                "ymin": round(y0 * height),
                "xmax": round(x1 * width),
                "ymax": round(y1 * height),
            }
        )
    return boxes


def canvas_picture(width: int, height: int, long_side: int = CANVAS_LONG_SIDE) -> Image.Image:
    """The empty picture the boxes are drawn on: the plan's shape at `long_side` pixels, hatched like layout.png."""
    scale = long_side / max(width, height)
    width, height = max(1, round(width * scale)), max(1, round(height * scale))
    picture = Image.new("RGB", (width, height), BACKGROUND_TINT)
    draw = ImageDraw.Draw(picture)
    spacing = max(8, max(width, height) // 32)
    for offset in range(-height, width, spacing):
        draw.line((offset, height, offset + height, 0), fill=HATCH_COLOUR, width=1)
    return picture


# ------------------------------------------------------------------ canvas -> table
def rows_from_canvas(rows: list[Row], boxes: list[dict[str, Any]], width: int, height: int) -> list[Row]:
    """The table after the user moved, resized, added, relabelled or deleted boxes on the canvas.

    Each box is matched to the row it came from: first a row with the same label and the same
    pixel corners (untouched), then one with the same label (moved or resized), then one with
    the same corners (relabelled); when as many boxes as rows remain unmatched, they pair in
    order (moved and relabelled). Matched rows keep their order and prompt; rows left without a
    box were deleted; boxes left without a row are new regions, appended, whose prompt starts as
    their label. A corner whose pixel still matches its row's fraction keeps the row's exact
    value, so untouched boxes never drift by rounding. Rows whose box is not four numbers are
    not on the canvas and stay as they are.
    """
    sides = (width, height, width, height)
    drawn = [i for i, row in enumerate(rows) if _numbers(row[2:6]) is not None]
    pixels = {i: [round(v * s) for v, s in zip(_numbers(rows[i][2:6]), sides, strict=True)] for i in drawn}
    corners = [[box["xmin"], box["ymin"], box["xmax"], box["ymax"]] for box in boxes]
    labels = [str(box.get("label") or "").strip() for box in boxes]
    owner: dict[int, int] = {}  # row index -> box index
    free = list(range(len(boxes)))
    tests = (
        lambda b, r: labels[b] == str(rows[r][0]).strip() and corners[b] == pixels[r],
        lambda b, r: labels[b] == str(rows[r][0]).strip(),
        lambda b, r: corners[b] == pixels[r],
    )
    for same in tests:
        for b in list(free):
            r = next((r for r in drawn if r not in owner and same(b, r)), None)
            if r is not None:
                owner[r] = b
                free.remove(b)
    left = [r for r in drawn if r not in owner]
    if len(left) == len(free):
        owner.update(zip(left, free, strict=True))
        free = []
    out = []
    for i, row in enumerate(rows):
        if i not in owner:
            if i not in drawn:
                out.append(list(row))
            continue
        b = owner[i]
        kept = _numbers(row[2:6])
        new = [c / s for c, s in zip(corners[b], sides, strict=True)]
        box = [
            old if round(old * s) == c else n
            for old, n, c, s in zip(kept, new, corners[b], sides, strict=True)
        ]
        out.append([labels[b] or str(row[0]), row[1], *(round(v, DIGITS) for v in box)])
    for b in free:
        label = labels[b] or f"region {len(out) + 1}"
        out.append([label, label, *(round(c / s, DIGITS) for c, s in zip(corners[b], sides, strict=True))])
    return out


# ------------------------------------------------------------------ page -> plan
def plan_from_page(
    prompt: str,
    base_prompt: str,
    background_prompt: str,
    width: Any,
    height: Any,
    rows: list[Row],
    *,
    max_regions: int = MAX_REGIONS,
) -> Plan:
    """The plan the page shows, validated by the plan model; PlanError (one line) names what is wrong.

    Region numbers in messages count from 1, as the table and layout.png show them.
    """
    regions = []
    for number, row in enumerate(rows, 1):
        label = str(row[0] or "").strip()
        corners = _numbers(row[2:6])
        if corners is None:
            raise PlanError(f"region {number} ({label or 'no label'}): x0, y0, x1, y1 must be four numbers")
        regions.append({"label": label, "prompt": str(row[1] or "").strip() or label, "box": corners})
    data = {
        "prompt": prompt or "",
        "base_prompt": base_prompt or "",
        "background_prompt": background_prompt or "",
        "width": _whole(width, "width"),
        "height": _whole(height, "height"),
        "regions": regions,
    }
    try:
        return validate_plan(data, max_regions=max_regions)
    except PlanError as exc:
        raise PlanError(_count_from_one(str(exc))) from None


def _count_from_one(message: str) -> str:
    """'regions[0].box: ...' (pydantic counts from 0) as 'region 1 box: ...' (the table counts from 1)."""
    import re

    return re.sub(r"regions\[(\d+)\]\.(\w+)", lambda m: f"region {int(m.group(1)) + 1} {m.group(2)}", message)


def _numbers(values: list[Any]) -> list[float] | None:
    """Four finite numbers (numbers or numeric text), or None."""
    if len(values) != 4:
        return None
    out = []
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        if not math.isfinite(number):
            return None
        out.append(number)
    return out


def _whole(value: Any, name: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PlanError(f"invalid plan: {name}: must be a whole number of pixels") from None
    if not math.isfinite(number) or number != int(number):
        raise PlanError(f"invalid plan: {name}: must be a whole number of pixels")
    return int(number)


# ------------------------------------------------------------------ uploads
def read_upload(path: str | os.PathLike[str] | None) -> Loaded:
    """A plan.json, or an image.png made by this tool: its plan, the settings and model its `render` records.

    PlanError (one line) when there is no file, or it is not a readable plan or such an image.
    """
    from renderer.metadata import is_png, read_metadata

    if not path:
        raise PlanError("no file was uploaded")
    path = Path(path)
    if is_png(path):
        plan = read_metadata(path).plan  # its `render` object holds every setting used, and the model
    else:
        from planner.plan import load_plan

        plan = load_plan(path)
    if plan.render is None:
        return Loaded(plan)
    return Loaded(plan, plan.render.given(), plan.render.model)
