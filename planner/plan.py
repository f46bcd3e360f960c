"""The regional plan: the contract between the planner, the renderer and the user.

A plan is JSON (version 1). The planner writes it, users read and edit it, the renderer
reads it. This module is the one place that defines it; it imports nothing heavy.

Example::

    {"version": 1,
     "prompt": "the user's original words",
     "base_prompt": "the whole scene: subject, style, light, how the parts relate",
     "background_prompt": "what fills the area that no region covers (may be empty)",
     "width": 1024, "height": 1024,
     "regions": [{"label": "red fox",
                  "prompt": "a detailed description of what is inside this box",
                  "box": [0.05, 0.40, 0.45, 0.95]}],
     "render": {"seed": 7, "steps": 24}}
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from planner.errors import InputError
from planner.validation_messages import format_validation_error

PLAN_VERSION = 1
MAX_REGIONS = 16
MIN_SIZE, MAX_SIZE, SIZE_MULTIPLE = 256, 2048, 16

Box = tuple[float, float, float, float]


class PlanError(InputError):
    """A plan (or plan file) is invalid; the message names the field and the reason."""


class Region(BaseModel):
    """One part of the image: a short label, its own detailed prompt, and where it goes.

    Give exactly one of `box` ([x0, y0, x1, y1], fractions of width and height, origin
    top-left) or `mask` (path to a greyscale image; white = inside, thresholded at 0.5).
    """

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, description="Short singular noun phrase, e.g. 'red fox'.")
    prompt: str = Field(min_length=1, description="Detailed description of what is inside the region.")
    box: Box | None = Field(
        default=None, description="[x0, y0, x1, y1] as fractions of width/height, origin top-left."
    )
    mask: str | None = Field(default=None, description="Path to a greyscale mask image (instead of box).")

    @field_validator("label", "prompt")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @field_validator("box")
    @classmethod
    def _box_in_range(cls, box: Box | None) -> Box | None:
        if box is None:
            return None
        x0, y0, x1, y1 = box
        shown = "[" + ", ".join(f"{v:g}" for v in box) + "]"
        if not all(0.0 <= v <= 1.0 for v in box):
            raise ValueError(f"box {shown} must lie inside [0, 1] (fractions of width and height)")
        if not (x0 < x1 and y0 < y1):
            raise ValueError(f"box {shown} has zero area or is flipped: need x0 < x1 and y0 < y1")
        return box

    @model_validator(mode="after")
    def _box_or_mask(self) -> Region:
        if (self.box is None) == (self.mask is None):
            raise ValueError("give exactly one of 'box' or 'mask'")
        return self


class RenderSettings(BaseModel):
    """Optional render settings carried by a plan. Unset fields fall back to the renderer's defaults.

    Precedence: explicit arguments (CLI flags) > these settings > the defaults.
    """

    model_config = ConfigDict(extra="forbid")

    seed: int | None = Field(default=None, ge=0)
    steps: int | None = Field(default=None, ge=1, le=1000)
    guidance: float | None = Field(default=None, ge=0)
    base_ratio: float | None = Field(default=None, ge=0, le=1)
    inject_steps: int | None = Field(default=None, ge=0)
    double_interval: int | None = Field(default=None, ge=1)
    single_interval: int | None = Field(default=None, ge=1)

    def given(self) -> dict[str, Any]:
        """The settings that are set, as a dict."""
        return self.model_dump(exclude_none=True)


class Plan(BaseModel):
    """A whole regional plan: what the image shows overall, and what goes where."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = PLAN_VERSION
    prompt: str = Field(default="", description="The user's original words.")
    base_prompt: str = Field(min_length=1, description="The whole scene: subject, style, light, layout.")
    background_prompt: str = Field(
        default="", description="What fills the area no region covers; empty means the base prompt."
    )
    width: int = Field(default=1024, description="Image width in pixels (multiple of 16, 256..2048).")
    height: int = Field(default=1024, description="Image height in pixels (multiple of 16, 256..2048).")
    regions: list[Region] = Field(default_factory=list)
    render: RenderSettings | None = None

    _source_dir: Path | None = PrivateAttr(default=None)

    @field_validator("base_prompt")
    @classmethod
    def _base_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @field_validator("background_prompt")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("width", "height")
    @classmethod
    def _size(cls, value: int) -> int:
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise ValueError(f"{value} is outside {MIN_SIZE}..{MAX_SIZE}")
        if value % SIZE_MULTIPLE:
            raise ValueError(f"{value} is not a multiple of {SIZE_MULTIPLE}")
        return value

    @field_validator("regions")
    @classmethod
    def _region_limit(cls, regions: list[Region], info: ValidationInfo) -> list[Region]:
        limit = (info.context or {}).get("max_regions", MAX_REGIONS)
        if len(regions) > limit:
            raise ValueError(f"{len(regions)} regions is more than the limit of {limit}")
        return regions

    # ----------------------------------------------------------------- helpers
    @property
    def background(self) -> str:
        """The prompt used for the area no region covers (the base prompt when empty)."""
        return self.background_prompt or self.base_prompt

    def mask_path(self, region: Region) -> Path:
        """A region's mask file, relative paths taken from the plan file's folder."""
        assert region.mask is not None
        path = Path(region.mask).expanduser()
        if not path.is_absolute() and self._source_dir is not None:
            path = self._source_dir / path
        return path

    def to_json(self) -> str:
        """The plan as pretty JSON (unset optional fields left out)."""
        data = self.model_dump(mode="json", exclude_none=True)
        for region in data["regions"]:
            region.pop("mask" if "box" in region else "box", None)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        # Boxes read best on one line: "box": [0.05, 0.4, 0.45, 0.95]
        return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", _one_line, text) + "\n"

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the plan as JSON, atomically."""
        return write_atomic(path, self.to_json().encode("utf-8"))


def _one_line(match: re.Match[str]) -> str:
    return "[" + ", ".join(part.strip() for part in match.group(1).split(",")) + "]"


def validate_plan(data: Any, *, max_regions: int = MAX_REGIONS) -> Plan:
    """Validate a dict (or a Plan) into a Plan, raising PlanError with a one-line message."""
    if isinstance(data, Plan):
        data = data.model_dump(exclude_none=True)
    try:
        return Plan.model_validate(data, context={"max_regions": max_regions})
    except ValidationError as exc:
        raise PlanError(format_validation_error(exc)) from None


def parse_plan(text: str | bytes, *, source: str = "plan", max_regions: int = MAX_REGIONS) -> Plan:
    """Parse plan JSON text, raising PlanError with a one-line message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise PlanError(f"{source}: a plan must be a JSON object")
    try:
        return Plan.model_validate(data, context={"max_regions": max_regions})
    except ValidationError as exc:
        raise PlanError(format_validation_error(exc, prefix=source)) from None


def load_plan(path: str | os.PathLike[str], *, max_regions: int = MAX_REGIONS) -> Plan:
    """Read and validate a plan file; relative mask paths are taken from the file's folder."""
    path = Path(path)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise PlanError(f"cannot read plan file {path}: {exc.strerror or exc}") from None
    plan = parse_plan(text, source=str(path), max_regions=max_regions)
    plan._source_dir = path.resolve().parent
    return plan


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write bytes to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
