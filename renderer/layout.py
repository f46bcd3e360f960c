"""Pictures of a plan: `layout.png` (the regions on an empty canvas) and `overlay.png` (over the image).

They let a user check a plan at a glance before paying for a render, and see afterwards which
part of the picture each regional prompt governed. PIL only: no torch, so `--plan-only` stays light.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from planner.plan import Plan, Region
from renderer.masks import read_mask_image

LAYOUT_LONG_SIDE = 768

# Distinct, readable colours (Okabe-Ito and Tableau hues); regions cycle through them in plan order.
PALETTE: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (213, 94, 0),
    (204, 121, 167),
    (0, 114, 178),
    (240, 228, 66),
    (148, 103, 189),
    (140, 86, 75),
    (23, 190, 207),
    (188, 189, 34),
    (227, 119, 194),
)
BACKGROUND_TINT = (236, 236, 232)
HATCH_COLOUR = (208, 208, 200)
TEXT_COLOUR = (20, 20, 20)


def region_colour(index: int) -> tuple[int, int, int]:
    """The colour of the index-th region (the same in layout.png and overlay.png)."""
    return PALETTE[index % len(PALETTE)]


def canvas_size(plan: Plan, long_side: int = LAYOUT_LONG_SIDE) -> tuple[int, int]:
    """A canvas with the plan's aspect ratio whose longer side is `long_side` pixels."""
    scale = long_side / max(plan.width, plan.height)
    return max(1, round(plan.width * scale)), max(1, round(plan.height * scale))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: fixed-size bitmap font
        return ImageFont.load_default()


def _fit(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> str:
    """The longest prefix of text (with an ellipsis when cut) that fits max_width pixels.

    A binary search over the prefix length, measuring O(log n) prefixes of at most max_width
    characters (no glyph is narrower than a pixel, so no longer prefix can fit): a label of
    10,000 characters costs a few measurements, not 10,000.
    """
    text = " ".join(text.split())  # one line: measuring multi-line text is an error in PIL
    if len(text) <= max_width and draw.textlength(text, font=font) <= max_width:
        return text
    low, high = 0, min(len(text), max(0, max_width))  # text[:low] + "…" fits; longer prefixes are unknown
    while low < high:
        middle = (low + high + 1) // 2
        if draw.textlength(text[:middle] + "…", font=font) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…" if low else ""


def region_mask(plan: Plan, region: Region, size: tuple[int, int]) -> Image.Image:
    """The region as a binary ("L", 0 or 255) image of the given size: its box, or its mask image.

    Mask images are read by the renderer's own reader (resized, thresholded at 0.5); an
    unreadable one raises PlanError naming the region.
    """
    width, height = size
    if region.box is not None:
        x0, y0, x1, y1 = region.box
        mask = Image.new("L", size, 0)
        right = max(round(x0 * width), round(x1 * width) - 1)
        bottom = max(round(y0 * height), round(y1 * height) - 1)
        ImageDraw.Draw(mask).rectangle((round(x0 * width), round(y0 * height), right, bottom), fill=255)
        return mask
    pixels = read_mask_image(plan, plan.regions.index(region), size)
    return Image.fromarray(pixels.astype(np.uint8) * 255, mode="L")


def _hatch(size: tuple[int, int], spacing: int) -> Image.Image:
    canvas = Image.new("RGB", size, BACKGROUND_TINT)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    for offset in range(-height, width, spacing):
        draw.line((offset, height, offset + height, 0), fill=HATCH_COLOUR, width=1)
    return canvas


def _draw_regions(
    base: Image.Image,
    plan: Plan,
    masks: Sequence[Image.Image],
    *,
    fill_alpha: int,
) -> Image.Image:
    """Tint each region, outline it, and put a numbered label tag at its top-left corner."""
    out = base.convert("RGBA")
    width, height = out.size
    line = max(2, round(min(width, height) / 200))
    font = _font(max(11, round(min(width, height) / 40)))
    for index, mask in enumerate(masks):
        colour = region_colour(index)
        tint = Image.new("RGBA", out.size, (*colour, fill_alpha))
        out.paste(Image.alpha_composite(out, tint), (0, 0), mask)
        edge = ImageChops.subtract(mask, _erode(mask, line))
        out.paste((*colour, 255), (0, 0), edge)
    draw = ImageDraw.Draw(out)
    taken: list[tuple[int, int, int, int]] = []
    for index, (region, mask) in enumerate(zip(plan.regions, masks, strict=True)):
        bbox = mask.getbbox()
        if bbox is None:
            continue
        text = _fit(draw, f"{index + 1}. {region.label}", font, max(40, bbox[2] - bbox[0] - 2 * line))
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        tag_w, tag_h = right - left + 8, bottom - top + 6
        x = min(bbox[0] + line, max(0, width - tag_w))
        y = min(bbox[1] + line, max(0, height - tag_h))
        while any(_overlaps((x, y, x + tag_w, y + tag_h), other) for other in taken) and y + tag_h < height:
            y += tag_h
        taken.append((x, y, x + tag_w, y + tag_h))
        draw.rectangle((x, y, x + tag_w, y + tag_h), fill=(*region_colour(index), 235))
        draw.text((x + 4 - left, y + 3 - top), text, fill=TEXT_COLOUR, font=font)
    return out.convert("RGB")


def _erode(mask: Image.Image, radius: int) -> Image.Image:
    """Shrink a binary mask by `radius` px (a square window); outside the canvas counts as empty.

    A pixel survives when its whole (2r+1)^2 window is inside the mask: a box sum over an integral
    image, which is much cheaper than PIL's rank filter at layout sizes.
    """
    inside = np.asarray(mask) > 0
    k = 2 * radius + 1
    padded = np.pad(inside, radius).astype(np.int32)
    sums = np.zeros((padded.shape[0] + 1, padded.shape[1] + 1), dtype=np.int32)
    sums[1:, 1:] = padded.cumsum(0).cumsum(1)
    window = sums[k:, k:] - sums[:-k, k:] - sums[k:, :-k] + sums[:-k, :-k]
    return Image.fromarray(np.where(window == k * k, 255, 0).astype(np.uint8), mode="L")


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_layout(plan: Plan, long_side: int = LAYOUT_LONG_SIDE) -> Image.Image:
    """The plan as a picture: a hatched background naming its prompt, regions as coloured labelled boxes.

    The canvas has the plan's aspect ratio (long side `long_side` px). Mask regions are drawn
    from their mask images.
    """
    size = canvas_size(plan, long_side)
    masks = [region_mask(plan, region, size) for region in plan.regions]
    layout = _draw_regions(_hatch(size, spacing=max(8, long_side // 48)), plan, masks, fill_alpha=110)
    caption = "background: " + (plan.background_prompt or "(the base prompt)")
    if not plan.regions:
        caption = "no regions: plain FLUX on the base prompt"
    _caption(layout, caption)
    return layout


def _caption(canvas: Image.Image, text: str) -> None:
    """Write a one-line caption in a light tag at the bottom-left corner, over everything else."""
    width, height = canvas.size
    font = _font(max(11, round(min(width, height) / 42)))
    draw = ImageDraw.Draw(canvas)
    text = _fit(draw, text, font, width - 24)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    y = height - (bottom - top) - 12
    draw.rectangle((4, y - 4, 4 + right - left + 8, height - 4), fill=BACKGROUND_TINT, outline=HATCH_COLOUR)
    draw.text((8 - left, y - top), text, fill=TEXT_COLOUR, font=font)


def draw_overlay(plan: Plan, image: Image.Image) -> Image.Image:
    """The same coloured, labelled regions drawn over a rendered image (at the image's size)."""
    size = image.size
    masks = [region_mask(plan, region, size) for region in plan.regions]
    return _draw_regions(image.convert("RGB"), plan, masks, fill_alpha=60)
