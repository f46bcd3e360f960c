"""Token masks: boxes and mask images on FLUX's packed grid (one token per 16x16 px)."""

import numpy as np
import pytest
import torch
from PIL import Image

from planner import PlanError, load_plan, validate_plan
from renderer.attention_mask import dense_mask, token_region_bits
from renderer.masks import (
    TokenGrid,
    background_token_mask,
    box_token_mask,
    load_plan_masks,
    pixel_token_mask,
    region_token_masks,
)

SQUARE = TokenGrid(rows=64, cols=64)  # 1024 x 1024
WIDE = TokenGrid(rows=48, cols=80)  # 1280 x 768


def tokens(mask: np.ndarray) -> set[tuple[int, int]]:
    return {(int(r), int(c)) for r, c in zip(*np.nonzero(mask), strict=True)}


def test_grid_is_read_from_flux_image_ids():
    rows, cols = 48, 80
    ids = torch.zeros(rows, cols, 3)
    ids[..., 1] = torch.arange(rows)[:, None]
    ids[..., 2] = torch.arange(cols)[None, :]
    assert TokenGrid.from_image_ids(ids.reshape(-1, 3)) == WIDE


def test_box_on_token_edges_covers_exactly_those_tokens():
    # x 0.25..0.5 of 64 cols = cols 16..31; y 0.5..0.75 = rows 32..47
    mask = box_token_mask((0.25, 0.5, 0.5, 0.75), SQUARE)
    assert tokens(mask) == {(r, c) for r in range(32, 48) for c in range(16, 32)}


def test_non_square_grid_uses_its_own_rows_and_cols():
    mask = box_token_mask((0.0, 0.0, 0.5, 0.5), WIDE)
    assert mask.shape == (48, 80)
    assert tokens(mask) == {(r, c) for r in range(24) for c in range(40)}


def test_token_needs_half_of_its_cell_covered():
    # cols: box from 1.5 to 3.4 tokens -> col 1 half covered (in), col 3 0.4 covered (out)
    x0, x1 = 1.5 / 64, 3.4 / 64
    mask = box_token_mask((x0, 0.0, x1, 1.0), SQUARE)
    assert sorted({c for _, c in tokens(mask)}) == [1, 2]


def test_tiny_box_keeps_its_best_covered_token():
    # a box of 0.3 x 0.3 tokens inside token (10, 20), nowhere half covered
    x0, y0 = 20.6 / 64, 10.6 / 64
    mask = box_token_mask((x0, y0, x0 + 0.3 / 64, y0 + 0.3 / 64), SQUARE)
    assert tokens(mask) == {(10, 20)}


def test_tiny_box_straddling_cells_picks_the_most_covered():
    # 0.4 tokens wide: 0.1 in col 4, 0.3 in col 5
    x0 = 4.9 / 64
    mask = box_token_mask((x0, 0.5, x0 + 0.4 / 64, 0.5 + 0.4 / 64), SQUARE)
    assert {c for _, c in tokens(mask)} == {5}


def make_plan(regions, width=1024, height=1024, **extra):
    return validate_plan(
        {"base_prompt": "a scene", "width": width, "height": height, "regions": regions, **extra}
    )


def test_overlapping_regions_share_tokens_and_stay_out_of_the_background():
    plan = make_plan(
        [
            {"label": "a", "prompt": "a", "box": [0.0, 0.0, 0.5, 0.5]},
            {"label": "b", "prompt": "b", "box": [0.25, 0.25, 0.75, 0.75]},
        ]
    )
    masks = region_token_masks(plan, SQUARE)
    both = masks[0] & masks[1]
    assert int(both.sum()) == 16 * 16
    background = background_token_mask(masks)
    assert not (background & both).any()
    assert int(background.sum()) == 64 * 64 - int((masks[0] | masks[1]).sum())


def test_background_is_empty_when_regions_tile_the_image():
    plan = make_plan(
        [
            {"label": "l", "prompt": "l", "box": [0.0, 0.0, 0.5, 1.0]},
            {"label": "r", "prompt": "r", "box": [0.5, 0.0, 1.0, 1.0]},
        ]
    )
    assert not background_token_mask(region_token_masks(plan, SQUARE)).any()


def test_mask_image_is_resized_thresholded_and_area_averaged(tmp_path):
    # 512x256 mask for a 1024x512 plan: white on the left quarter -> cols 0..15 of 64
    pixels = np.zeros((256, 512), dtype=np.uint8)
    pixels[:, :128] = 255
    Image.fromarray(pixels).save(tmp_path / "left.png")
    (tmp_path / "plan.json").write_text(
        make_plan([{"label": "l", "prompt": "l", "mask": "left.png"}], width=1024, height=512).to_json()
    )
    plan = load_plan(tmp_path / "plan.json")  # relative mask path from the plan's folder
    grid = TokenGrid(rows=32, cols=64)
    mask = region_token_masks(plan, grid)[0].reshape(32, 64).numpy()
    assert tokens(mask) == {(r, c) for r in range(32) for c in range(16)}


def test_grey_mask_below_half_is_outside_and_tiny_mask_keeps_a_token():
    grid = TokenGrid(rows=4, cols=4)
    grey = np.zeros((64, 64), dtype=bool)
    assert tokens(pixel_token_mask(grey | False, grid)) == {(0, 0)}  # nothing: best token (first)
    spot = np.zeros((64, 64), dtype=bool)
    spot[40:44, 50:54] = True  # 16 px of a 256 px cell
    assert tokens(pixel_token_mask(spot, grid)) == {(2, 3)}


def test_unreadable_mask_image_is_a_plan_error(tmp_path):
    (tmp_path / "bad.png").write_text("not an image")
    plan = make_plan([{"label": "l", "prompt": "l", "mask": str(tmp_path / "bad.png")}])
    with pytest.raises(PlanError, match="cannot read mask image"):
        load_plan_masks(plan)
    missing = make_plan([{"label": "l", "prompt": "l", "mask": str(tmp_path / "nope.png")}])
    with pytest.raises(PlanError, match="mask image not found"):
        load_plan_masks(missing)


def test_attention_mask_follows_the_method():
    # 2 regions over 4 image tokens: r0 = {0, 1}, r1 = {1, 2}; background = {3}
    members = torch.tensor([[1, 1, 0, 0], [0, 1, 1, 0]], dtype=torch.bool)
    members = torch.cat([members, background_token_mask(members)[None]])
    mask = dense_mask(token_region_bits(members, [2, 1, 1]))[0, 0]
    text = {0: [0, 1], 1: [2], 2: [3]}  # text token rows per region
    image = lambda p: 4 + p  # noqa: E731
    # text <-> text only within a region
    assert mask[0, 1] and not mask[0, 2] and not mask[2, 3]
    # text <-> its own image tokens, both directions
    for region, rows in text.items():
        inside = members[region].nonzero().flatten().tolist()
        for row in rows:
            for p in range(4):
                assert bool(mask[row, image(p)]) == (p in inside)
                assert bool(mask[image(p), row]) == (p in inside)
    # image <-> image when some region holds both; the overlap token 1 is not background
    assert mask[image(0), image(1)] and mask[image(1), image(2)]
    assert not mask[image(0), image(2)]
    assert not mask[image(1), image(3)] and mask[image(3), image(3)]
