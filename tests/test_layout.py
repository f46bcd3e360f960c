"""layout.png and overlay.png: regions drawn where the plan puts them, in their colours."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from planner.plan import PlanError, load_plan, validate_plan
from renderer.layout import (
    BACKGROUND_TINT,
    HATCH_COLOUR,
    canvas_size,
    draw_layout,
    draw_overlay,
    region_colour,
)


def _plan(width=1024, height=1024, regions=None, **extra):
    if regions is None:
        regions = [
            {"label": "old lighthouse", "prompt": "p", "box": [0.0, 0.0, 0.4, 1.0]},
            {"label": "red boat", "prompt": "p", "box": [0.55, 0.5, 0.95, 0.9]},
        ]
    return validate_plan(
        {"base_prompt": "a harbour at dawn", "width": width, "height": height, "regions": regions, **extra}
    )


def _near(pixel, colour, tolerance=60):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


def _distance(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def _tinted(image, xy, colour, before):
    """The pixel at xy moved towards `colour`, compared with the same spot of `before` (no regions)."""
    return _distance(image.getpixel(xy), colour) < _distance(before.getpixel(xy), colour) - 20


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [(1024, 1024, (768, 768)), (1280, 768, (768, 461)), (768, 1344, (439, 768))],
)
def test_canvas_keeps_the_aspect_ratio(width, height, expected):
    assert canvas_size(_plan(width, height)) == expected
    assert draw_layout(_plan(width, height)).size == expected


def test_regions_are_coloured_where_the_boxes_are():
    layout = draw_layout(_plan(1280, 768))
    empty = draw_layout(_plan(1280, 768, regions=[]))
    w, h = layout.size
    first, second = (int(0.2 * w), int(0.5 * h)), (int(0.75 * w), int(0.7 * h))
    assert _tinted(layout, first, region_colour(0), empty)
    assert _tinted(layout, second, region_colour(1), empty)
    assert not _tinted(layout, first, region_colour(1), empty)
    # outside every region: the hatched background, nothing else
    outside = np.asarray(layout.crop((int(0.45 * w), int(0.1 * h), int(0.5 * w), int(0.3 * h))))
    assert {tuple(p) for p in outside.reshape(-1, 3)} == {BACKGROUND_TINT, HATCH_COLOUR}


def test_outline_uses_the_region_colour():
    layout = draw_layout(_plan())
    w, h = layout.size
    # the second box's left edge, away from its label tag
    assert _near(layout.getpixel((int(0.55 * w) + 1, int(0.8 * h))), region_colour(1), 5)


def test_plan_without_regions_is_just_background():
    layout = draw_layout(_plan(regions=[]))
    assert layout.size == (768, 768)
    assert _near(layout.getpixel((384, 300)), BACKGROUND_TINT, 30)


def test_mask_region_is_drawn_from_its_mask_image(tmp_path):
    mask = Image.new("L", (100, 100), 0)
    mask.paste(255, (60, 0, 100, 40))  # top-right corner only
    (tmp_path / "masks").mkdir()
    mask.save(tmp_path / "masks" / "sun.png")
    (tmp_path / "plan.json").write_text(
        _plan(regions=[{"label": "sun", "prompt": "a low sun", "mask": "masks/sun.png"}]).to_json()
    )
    plan = load_plan(tmp_path / "plan.json")
    layout = draw_layout(plan)
    empty = draw_layout(_plan(regions=[]))
    assert _tinted(layout, (700, 100), region_colour(0), empty)
    assert not _tinted(layout, (100, 400), region_colour(0), empty)
    assert layout.getpixel((100, 400)) == empty.getpixel((100, 400))


def test_unreadable_mask_names_the_region(tmp_path):
    plan = _plan(
        regions=[
            {"label": "sun", "prompt": "p", "box": [0, 0, 1, 1]},
            {"label": "x", "prompt": "p", "mask": str(tmp_path / "nope.png")},
        ]
    )
    with pytest.raises(PlanError, match=r"regions\[1\]\.mask: cannot read mask image"):
        draw_layout(plan)


def test_overlay_draws_the_same_regions_over_the_image():
    plan = _plan(1280, 768)
    image = Image.new("RGB", (1280, 768), (128, 128, 128))
    overlay = draw_overlay(plan, image)
    assert overlay.size == image.size and overlay.mode == "RGB"
    assert _tinted(overlay, (int(0.2 * 1280), int(0.5 * 768)), region_colour(0), image)
    assert _tinted(overlay, (int(0.75 * 1280), int(0.7 * 768)), region_colour(1), image)
    assert overlay.getpixel((int(0.48 * 1280), int(0.2 * 768))) == (128, 128, 128)
    assert image.getpixel((int(0.2 * 1280), int(0.5 * 768))) == (128, 128, 128)  # input untouched
