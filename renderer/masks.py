"""Regions to token masks on FLUX's packed latent grid.

FLUX packs the latent into 2x2 patches: one image token per cell of the image (16x16 px at
FLUX's geometry). The grid is read from the latent, never from a hard-coded factor. A token
belongs to a region when at least half of its cell is covered; a region that covers no token by
that rule gets its best-covered token. Overlapping regions share tokens. The background is the
set of tokens in no region. A mask image (a file, or inline PNG data in the plan) with no white
pixel at the plan's size is an error naming the region.

Torch is imported only where tensors are made, so the layout pictures (`--plan-only`) can read
mask images through the same function as the renderer without loading torch.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, UnidentifiedImageError

from planner.plan import Box, Plan, PlanError, mask_data_url

if TYPE_CHECKING:
    import torch

HALF = 0.5 - 1e-9  # "at least half covered", robust to float rounding of box edges


@dataclass(frozen=True)
class TokenGrid:
    """The packed latent grid: rows x cols image tokens, row-major, covering width x height px."""

    rows: int
    cols: int

    @property
    def size(self) -> int:
        return self.rows * self.cols

    @classmethod
    def from_image_ids(cls, img_ids: torch.Tensor) -> TokenGrid:
        """Grid of FLUX's latent image ids (one row per token: [0, row, col])."""
        ids = img_ids.reshape(-1, img_ids.shape[-1])
        return cls(rows=int(ids[:, 1].max().item()) + 1, cols=int(ids[:, 2].max().item()) + 1)


def _axis_coverage(lo: float, hi: float, cells: int) -> np.ndarray:
    """Fraction of each unit cell [c, c+1) covered by the interval [lo, hi] (in cell units)."""
    edges = np.arange(cells, dtype=np.float64)
    return np.clip(np.minimum(hi, edges + 1.0) - np.maximum(lo, edges), 0.0, 1.0)


def _keep_at_least_one(coverage: np.ndarray) -> np.ndarray:
    """Tokens at least half covered; the best-covered token when none is."""
    member = coverage >= HALF
    if not member.any():
        member.flat[int(np.argmax(coverage))] = True
    return member


def box_coverage(box: Box, grid: TokenGrid) -> np.ndarray:
    """(rows, cols) fraction of each token's cell that the box covers."""
    x0, y0, x1, y1 = box
    cov_x = _axis_coverage(x0 * grid.cols, x1 * grid.cols, grid.cols)
    cov_y = _axis_coverage(y0 * grid.rows, y1 * grid.rows, grid.rows)
    return np.outer(cov_y, cov_x)


def box_token_mask(box: Box, grid: TokenGrid) -> np.ndarray:
    """(rows, cols) bool: the tokens a box owns."""
    return _keep_at_least_one(box_coverage(box, grid))


def _open_mask(plan: Plan, index: int) -> Image.Image:
    """Region `index`'s mask image as greyscale ("L"), from its file or its inline PNG."""
    source = plan.mask_source(plan.regions[index])
    shown = "inline PNG" if isinstance(source, bytes) else str(source)
    where = f"regions[{index}].mask"
    try:
        with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
            return image.convert("L")
    except FileNotFoundError:
        raise PlanError(f"{where}: cannot read mask image {shown}: mask image not found") from None
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise PlanError(f"{where}: cannot read mask image {shown}: {exc}") from None


def read_mask_image(plan: Plan, index: int, size: tuple[int, int]) -> np.ndarray:
    """Region `index`'s mask as a (height, width) bool array: greyscale, resized to `size`
    (width, height), thresholded at 0.5. An empty (all-black) mask is a PlanError naming the region."""
    grey = _open_mask(plan, index).resize(size, Image.Resampling.BILINEAR)
    mask = np.asarray(grey, dtype=np.float32) / 255.0 >= 0.5
    if not mask.any():
        label = plan.regions[index].label
        raise PlanError(
            f"regions[{index}].mask: the mask of {label!r} is empty (no pixel is white at "
            f"{size[0]}x{size[1]}): paint the region white, or remove it"
        )
    return mask


def inline_masks(plan: Plan) -> Plan:
    """A copy of the plan whose mask files are carried inline (greyscale PNG data: URLs), so the
    plan renders the same pixels wherever it is moved. Masks already inline stay as they are."""
    if not any(region.mask is not None and not region.inline_mask for region in plan.regions):
        return plan
    regions = []
    for index, region in enumerate(plan.regions):
        if region.mask is not None and not region.inline_mask:
            buffer = io.BytesIO()
            _open_mask(plan, index).save(buffer, format="PNG", optimize=True)
            region = region.model_copy(update={"mask": mask_data_url(buffer.getvalue())})
        regions.append(region)
    return plan.model_copy(update={"regions": regions})


def pixel_token_mask(mask: np.ndarray, grid: TokenGrid) -> np.ndarray:
    """(rows, cols) bool from a pixel mask: area-average onto the grid, then the half-covered rule."""
    pixels = Image.fromarray(mask.astype(np.float32), mode="F")
    coverage = np.asarray(pixels.resize((grid.cols, grid.rows), Image.Resampling.BOX), dtype=np.float64)
    return _keep_at_least_one(coverage)


def load_plan_masks(plan: Plan) -> dict[int, np.ndarray]:
    """Pixel masks of the plan's mask regions, by region index (read before any model loads)."""
    return {
        index: read_mask_image(plan, index, (plan.width, plan.height))
        for index, region in enumerate(plan.regions)
        if region.mask is not None
    }


def region_token_masks(
    plan: Plan, grid: TokenGrid, pixel_masks: dict[int, np.ndarray] | None = None
) -> torch.Tensor:
    """(num_regions, rows * cols) bool: each region's tokens, row-major, in plan order."""
    import torch

    if pixel_masks is None:
        pixel_masks = load_plan_masks(plan)
    masks = [
        box_token_mask(region.box, grid) if region.box is not None else pixel_token_mask(pixel_masks[i], grid)
        for i, region in enumerate(plan.regions)
    ]
    if not masks:
        return torch.zeros(0, grid.size, dtype=torch.bool)
    return torch.from_numpy(np.stack(masks).reshape(len(masks), grid.size))


def background_token_mask(region_masks: torch.Tensor) -> torch.Tensor:
    """(rows * cols,) bool: the tokens in no region (overlaps stay out of the background)."""
    return ~region_masks.any(dim=0)
