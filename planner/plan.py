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
                  "box": [0.05, 0.40, 0.45, 0.95]},
                 {"label": "rug", "prompt": "a round woollen rug",
                  "mask": "masks/rug.png"}],
     "render": {"seed": 7, "steps": 24, "model": "tiny"}}

Validation is strict: whole numbers are JSON integers (not booleans, floats or strings), numbers
are finite, text has length limits (MAX_LABEL, MAX_PROMPT, MAX_USER_PROMPT) and no control
characters, labels are one line. A mask is a path (relative paths are taken from the plan file's
folder: `load_plan` resolves them once, through `Plan.resolve_mask_paths`) or an inline
`data:image/png;base64,...`. `max_regions` records the region limit the plan was made with when
it is not MAX_REGIONS, so the plan loads back (up to REGIONS_CEILING). The `render` object is
`planner.settings.RenderSettings`: any render setting, and the model.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from planner.errors import InputError, PlanError
from planner.safe_read import MAX_BATCH_BYTES, decode_text, loads_json, read_bytes
from planner.settings import RenderSettings
from planner.validation_messages import format_validation_error

__all__ = ["PlanError", "RenderSettings", "format_validation_error"]

PLAN_VERSION = 1
MAX_REGIONS = 16  # the default limit of a plan's regions
REGIONS_CEILING = 64  # the most regions any plan may have (`max_regions` up to this)
MIN_SIZE, MAX_SIZE, SIZE_MULTIPLE = 256, 2048, 16
# Text limits (characters): enough for any prompt T5 can read (512 tokens), small enough for the
# layout picture and the planner to handle at once.
MAX_LABEL = 100
MAX_PROMPT = 4000
MAX_USER_PROMPT = 20000
MAX_MASK_PATH = 4096
MAX_MASK_DATA = 8_000_000  # an inline PNG mask, base64
MAX_PLAN_BYTES = MAX_BATCH_BYTES  # a plan file: room for several inline masks
MASK_DATA_PREFIX = "data:image/png;base64,"

Box = tuple[float, float, float, float]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters other than tab and newline
_LINE_BREAK = re.compile(r"[\n\r\v\f\u2028\u2029\x85]")

Text = Annotated[StrictStr, Field(max_length=MAX_PROMPT)]
Fraction = StrictFloat


def _clean_text(value: str, *, single_line: bool = False) -> str:
    """Stripped text; refuses control characters (and line breaks where `single_line`)."""
    if single_line and _LINE_BREAK.search(value):
        raise ValueError("must be one line (no line breaks)")
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value.strip()


def _required_text(value: str, *, single_line: bool = False) -> str:
    """_clean_text that also refuses text left empty: a label, a region's prompt, a base prompt."""
    value = _clean_text(value, single_line=single_line)
    if not value:
        raise ValueError("must not be empty")
    return value


def decode_mask_data(text: str) -> bytes:
    """The PNG bytes of an inline mask `data:image/png;base64,...`; ValueError when malformed."""
    try:
        data = base64.b64decode(text[len(MASK_DATA_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("inline mask is not valid base64") from None
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("inline mask is not a PNG image")
    return data


def mask_data_url(png: bytes) -> str:
    """An inline mask value for PNG bytes."""
    return MASK_DATA_PREFIX + base64.b64encode(png).decode("ascii")


class Region(BaseModel):
    """One part of the image: a short label, its own detailed prompt, and where it goes.

    Give exactly one of `box` ([x0, y0, x1, y1], fractions of width and height, origin
    top-left) or `mask`: a greyscale image (white = inside, thresholded at 0.5), as a file path
    (relative paths start at the plan file's folder) or inline as `data:image/png;base64,...`.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    label: Annotated[StrictStr, Field(min_length=1, max_length=MAX_LABEL)] = Field(
        description="Short singular noun phrase on one line, e.g. 'red fox'."
    )
    prompt: Text = Field(min_length=1, description="Detailed description of what is inside the region.")
    box: tuple[Fraction, Fraction, Fraction, Fraction] | None = Field(
        default=None, description="[x0, y0, x1, y1] as fractions of width/height, origin top-left."
    )
    mask: Annotated[StrictStr, Field(min_length=1, max_length=MAX_MASK_DATA)] | None = Field(
        default=None,
        description="A greyscale mask image instead of a box: a path, or data:image/png;base64,...",
    )

    @field_validator("label")
    @classmethod
    def _label_line(cls, value: str) -> str:
        return _required_text(value, single_line=True)

    @field_validator("prompt")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        return _required_text(value)

    @field_validator("mask")
    @classmethod
    def _mask_value(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if value.startswith("data:"):
            if not value.startswith(MASK_DATA_PREFIX):
                raise ValueError(f"an inline mask must start with {MASK_DATA_PREFIX!r}")
            decode_mask_data(value)
            return value
        if len(value) > MAX_MASK_PATH:
            raise ValueError(f"a mask path must be at most {MAX_MASK_PATH} characters")
        return _clean_text(value, single_line=True)

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

    @property
    def inline_mask(self) -> bool:
        """True when the mask is carried in the plan itself (a data: URL)."""
        return self.mask is not None and self.mask.startswith(MASK_DATA_PREFIX)


class Plan(BaseModel):
    """A whole regional plan: what the image shows overall, and what goes where."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    version: Literal[1] = PLAN_VERSION
    prompt: Annotated[StrictStr, Field(max_length=MAX_USER_PROMPT)] = Field(
        default="", description="The user's original words."
    )
    base_prompt: Text = Field(min_length=1, description="The whole scene: subject, style, light, layout.")
    background_prompt: Text = Field(
        default="", description="What fills the area no region covers; empty means the base prompt."
    )
    width: StrictInt = Field(default=1024, description="Image width in pixels (multiple of 16, 256..2048).")
    height: StrictInt = Field(default=1024, description="Image height in pixels (multiple of 16, 256..2048).")
    max_regions: StrictInt | None = Field(
        default=None,
        ge=0,
        le=REGIONS_CEILING,
        description=f"The region limit the plan was made with, when not {MAX_REGIONS} (at most {REGIONS_CEILING}).",
    )
    regions: list[Region] = Field(default_factory=list)
    render: RenderSettings | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_is_int(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be {PLAN_VERSION}")
        return value

    @field_validator("prompt")
    @classmethod
    def _prompt_text(cls, value: str) -> str:
        return _clean_text(value)

    @field_validator("base_prompt")
    @classmethod
    def _base_not_blank(cls, value: str) -> str:
        return _required_text(value)

    @field_validator("background_prompt")
    @classmethod
    def _strip(cls, value: str) -> str:
        return _clean_text(value)

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
    def _region_ceiling(cls, regions: list[Region], info: ValidationInfo) -> list[Region]:
        limit = max(_context_limit(info), info.data.get("max_regions") or 0)
        if len(regions) > limit:
            raise ValueError(f"{len(regions)} regions is more than the limit of {limit}")
        return regions

    # ----------------------------------------------------------------- helpers
    @property
    def background(self) -> str:
        """The prompt used for the area no region covers (the base prompt when empty)."""
        return self.background_prompt or self.base_prompt

    def mask_source(self, region: Region) -> Path | bytes:
        """A region's mask: the PNG bytes of an inline mask, else its file path."""
        if region.mask is None:
            raise ValueError(f"region {region.label!r} has a box, not a mask")
        if region.inline_mask:
            return decode_mask_data(region.mask)
        return Path(region.mask).expanduser()

    def resolve_mask_paths(self, folder: str | os.PathLike[str]) -> Plan:
        """A copy whose relative mask paths are taken from `folder` (made absolute); inline masks stay."""
        regions = []
        for region in self.regions:
            if region.mask is not None and not region.inline_mask:
                path = Path(region.mask).expanduser()
                if not path.is_absolute():
                    region = region.model_copy(update={"mask": str(Path(folder).resolve() / path)})
            regions.append(region)
        return self.model_copy(update={"regions": regions})

    def to_json(self) -> str:
        """The plan as pretty JSON (unset optional fields left out)."""
        data = self.model_dump(mode="json", exclude_none=True)
        for region in data["regions"]:
            region.pop("mask" if "box" in region else "box", None)
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
        # Boxes read best on one line: "box": [0.05, 0.4, 0.45, 0.95]
        return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", _one_line, text) + "\n"

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the plan as JSON, atomically."""
        return write_atomic(path, self.to_json().encode("utf-8"))


def _one_line(match: re.Match[str]) -> str:
    return "[" + ", ".join(part.strip() for part in match.group(1).split(",")) + "]"


def _context_limit(info: ValidationInfo) -> int:
    return min(REGIONS_CEILING, (info.context or {}).get("max_regions", MAX_REGIONS))


def validate_plan(data: Any, *, max_regions: int = MAX_REGIONS) -> Plan:
    """Validate a dict (or a Plan) into a Plan, raising PlanError with a one-line message."""
    if isinstance(data, Plan):
        data = data.model_dump(exclude_none=True)
    try:
        return Plan.model_validate(data, context={"max_regions": max_regions})
    except ValidationError as exc:
        raise PlanError(format_validation_error(exc, "invalid plan")) from None


def parse_plan(text: str | bytes, *, source: str = "plan", max_regions: int = MAX_REGIONS) -> Plan:
    """Parse plan JSON text, raising PlanError with a one-line message."""
    try:  # bounded: no 5000-digit numbers, no deep nesting, UTF-8 only (see planner.safe_read)
        data = loads_json(
            decode_text(text, source=source) if isinstance(text, bytes) else text, source=source
        )
    except InputError as exc:
        raise PlanError(str(exc)) from None
    if not isinstance(data, dict):
        raise PlanError(f"{source}: a plan must be a JSON object")
    try:
        return Plan.model_validate(data, context={"max_regions": max_regions})
    except ValidationError as exc:
        raise PlanError(format_validation_error(exc, prefix=source)) from None


def load_plan(path: str | os.PathLike[str], *, max_regions: int = MAX_REGIONS) -> Plan:
    """Read and validate a plan file; relative mask paths are resolved once, from the file's folder."""
    path = Path(path)
    try:  # a regular file of bounded size only (no FIFO, no /dev/zero)
        text = read_bytes(path, what="plan file", limit=MAX_PLAN_BYTES)
    except InputError as exc:
        raise PlanError(str(exc)) from None
    plan = parse_plan(text, source=str(path), max_regions=max_regions)
    return plan.resolve_mask_paths(path.resolve().parent)


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
