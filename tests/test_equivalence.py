"""Numerical guard: every fast path of regional attention matches a plain implementation.

The reference below is the method written out the slow, obvious way: each stream projected on
its own (the image projected twice), a dense boolean mask built token by token from the method's
rules, separate attentions, the blend after the fact. The processors share the image
projections, slice instead of concatenating, skip the base attention's image rows at
base_ratio 0, and may use a FlexAttention BlockMask over reordered image tokens; all of that must
agree with the reference. Tolerance: 2e-5 absolute on float32 outputs of magnitude ~1 for one
block (only summation order differs), 2e-4 through the whole tiny transformer.
"""

import itertools

import pytest
import torch
import torch.nn.functional as F
from diffusers import FluxPipeline
from diffusers.models.embeddings import apply_rotary_emb

import renderer.regional as regional_module
from renderer.attention import RegionalContext, RegionalFluxAttnProcessor
from renderer.attention_mask import block_mask, dense_mask, token_region_bits
from renderer.regional import RegionalAttention

BLOCK_TOL = 2e-5
MODEL_TOL = 2e-4
ROWS, COLS = 4, 6  # image token grid in the block tests
LENGTHS = [3, 2, 4]  # text tokens of two regions and the background
BASE_LEN = 5


def memberships() -> torch.Tensor:
    """Two overlapping boxes on the ROWS x COLS grid, plus the background (tokens in neither)."""
    grid = torch.zeros(2, ROWS, COLS, dtype=torch.bool)
    grid[0, :3, :3] = True
    grid[1, 1:, 2:5] = True  # overlaps region 0 at rows 1-2, column 2
    regions = grid.reshape(2, -1)
    return torch.cat([regions, ~regions.any(dim=0, keepdim=True)])


def reference_mask(members: torch.Tensor, lengths: list[int]) -> torch.Tensor:
    """The method's mask over [regional text ; image], one token pair at a time."""
    owner = [region for region, length in enumerate(lengths) for _ in range(length)]
    text, image = len(owner), members.shape[1]
    mask = torch.zeros(text + image, text + image, dtype=torch.bool)
    for i, j in itertools.product(range(text), repeat=2):
        mask[i, j] = owner[i] == owner[j]
    for i, p in itertools.product(range(text), range(image)):
        mask[i, text + p] = mask[text + p, i] = bool(members[owner[i], p])
    for p, q in itertools.product(range(image), repeat=2):
        mask[text + p, text + q] = bool((members[:, p] & members[:, q]).any())
    return mask


def heads(attn, x: torch.Tensor) -> torch.Tensor:
    return x.unflatten(-1, (attn.heads, -1))


def attend(q, k, v, mask=None) -> torch.Tensor:
    out = F.scaled_dot_product_attention(*(t.transpose(1, 2) for t in (q, k, v)), attn_mask=mask)
    return out.transpose(1, 2).flatten(2, 3)


def rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    return apply_rotary_emb(x, (cos, sin), sequence_dim=1)


def reference_stream(attn, text, image, text_rot, image_rot, added: bool, mask=None):
    """One stream's attention: [text ; image] projected separately, RoPE, SDPA."""
    if added:
        tq, tk, tv = attn.add_q_proj(text), attn.add_k_proj(text), attn.add_v_proj(text)
        tq, tk = attn.norm_added_q(heads(attn, tq)), attn.norm_added_k(heads(attn, tk))
    else:
        tq, tk, tv = attn.to_q(text), attn.to_k(text), attn.to_v(text)
        tq, tk = attn.norm_q(heads(attn, tq)), attn.norm_k(heads(attn, tk))
    iq, ik, iv = attn.to_q(image), attn.to_k(image), attn.to_v(image)
    iq, ik = attn.norm_q(heads(attn, iq)), attn.norm_k(heads(attn, ik))
    tq, tk = rope(tq, *text_rot), rope(tk, *text_rot)
    iq, ik = rope(iq, *image_rot), rope(ik, *image_rot)
    q, k, v = torch.cat([tq, iq], 1), torch.cat([tk, ik], 1), torch.cat([heads(attn, tv), heads(attn, iv)], 1)
    return attend(q, k, v, mask)


def rotary(transformer, text: int, image: int):
    ids = torch.cat(
        [torch.zeros(text, 3), FluxPipeline._prepare_latent_image_ids(1, ROWS, COLS, "cpu", torch.float32)]
    )
    return transformer.pos_embed(ids)


@pytest.fixture(scope="module")
def model(tiny_pipe):
    return tiny_pipe.transformer


def context(base_ratio: float, base_copy: bool, attention: str) -> RegionalContext:
    bits = token_region_bits(memberships(), LENGTHS)
    mask = block_mask(bits) if attention == "flex" else dense_mask(bits)
    return RegionalContext(BASE_LEN, sum(LENGTHS), ROWS * COLS, base_ratio, base_copy, mask)


CASES = list(itertools.product([True, False], [0.0, 0.3], ["sdpa", "flex"]))


@pytest.mark.parametrize("rows_per_chunk", [1024, 5])
def test_the_bit_rule_is_the_methods_mask(rows_per_chunk):
    bits = token_region_bits(memberships(), LENGTHS)
    mask = dense_mask(bits, rows_per_chunk=rows_per_chunk)
    assert torch.equal(mask[0, 0], reference_mask(memberships(), LENGTHS))


@pytest.mark.parametrize(("masked", "base_ratio", "attention"), CASES)
def test_double_block_matches_the_plain_two_stream_reference(model, masked, base_ratio, attention):
    attn = model.transformer_blocks[0].attn
    nr, ni, dim = sum(LENGTHS), ROWS * COLS, model.inner_dim
    gen = torch.Generator().manual_seed(0)
    text, image = torch.randn(1, BASE_LEN + nr, dim, generator=gen), torch.randn(1, ni, dim, generator=gen)
    cos, sin = rotary(model, BASE_LEN + nr, ni)
    ctx = context(base_ratio, False, attention)
    with torch.no_grad():
        image_out, text_out = RegionalFluxAttnProcessor(masked)(
            attn, image, text, None, (cos, sin), regional=ctx
        )
        image_rot = (cos[BASE_LEN + nr :], sin[BASE_LEN + nr :])
        base = reference_stream(
            attn, text[:, :BASE_LEN], image, (cos[:BASE_LEN], sin[:BASE_LEN]), image_rot, True
        )
        mask = reference_mask(memberships(), LENGTHS) if masked else None
        region_rot = (cos[BASE_LEN : BASE_LEN + nr], sin[BASE_LEN : BASE_LEN + nr])
        regional = reference_stream(attn, text[:, BASE_LEN:], image, region_rot, image_rot, True, mask)
        blended = (1 - base_ratio) * regional[:, nr:] + base_ratio * base[:, BASE_LEN:]
        expected_image = attn.to_out[0](blended)
        expected_text = attn.to_add_out(torch.cat([base[:, :BASE_LEN], regional[:, :nr]], 1))
    torch.testing.assert_close(image_out, expected_image, atol=BLOCK_TOL, rtol=0)
    torch.testing.assert_close(text_out, expected_text, atol=BLOCK_TOL, rtol=0)


@pytest.mark.parametrize("base_copy", [True, False])
@pytest.mark.parametrize(("masked", "base_ratio", "attention"), CASES)
def test_single_block_matches_the_plain_two_stream_reference(model, masked, base_ratio, attention, base_copy):
    attn = model.single_transformer_blocks[0].attn
    nr, ni, dim = sum(LENGTHS), ROWS * COLS, model.inner_dim
    nt = BASE_LEN + nr
    gen = torch.Generator().manual_seed(1)
    text, image = torch.randn(1, nt, dim, generator=gen), torch.randn(1, ni, dim, generator=gen)
    copy = torch.randn(1, ni, dim, generator=gen) if base_copy else image
    sequence = torch.cat([text, copy, image] if base_copy else [text, image], dim=1)
    cos, sin = rotary(model, nt, ni)
    ctx = context(base_ratio, base_copy, attention)
    with torch.no_grad():
        out = RegionalFluxAttnProcessor(masked)(attn, sequence, None, None, (cos, sin), regional=ctx)
        image_rot = (cos[nt:], sin[nt:])
        base = reference_stream(
            attn, text[:, :BASE_LEN], copy, (cos[:BASE_LEN], sin[:BASE_LEN]), image_rot, False
        )
        mask = reference_mask(memberships(), LENGTHS) if masked else None
        regional = reference_stream(
            attn, text[:, BASE_LEN:], image, (cos[BASE_LEN:nt], sin[BASE_LEN:nt]), image_rot, False, mask
        )
        blended = (1 - base_ratio) * regional[:, nr:] + base_ratio * base[:, BASE_LEN:]
        parts = (
            [base[:, :BASE_LEN], regional[:, :nr]] + ([base[:, BASE_LEN:]] if base_copy else []) + [blended]
        )
        expected = torch.cat(parts, dim=1)
    torch.testing.assert_close(out, expected, atol=BLOCK_TOL, rtol=0)


def test_the_reference_would_catch_a_missing_mask(model):
    """The comparison above can fail: an unmasked regional attention is far outside the tolerance."""
    attn = model.single_transformer_blocks[0].attn
    nt, ni = BASE_LEN + sum(LENGTHS), ROWS * COLS
    sequence = torch.randn(1, nt + ni, model.inner_dim, generator=torch.Generator().manual_seed(2))
    rot = rotary(model, nt, ni)
    with torch.no_grad():
        masked = RegionalFluxAttnProcessor(True)(
            attn, sequence, None, None, rot, regional=context(0.0, False, "sdpa")
        )
        unmasked = RegionalFluxAttnProcessor(False)(
            attn, sequence, None, None, rot, regional=context(0.0, False, "sdpa")
        )
    assert (masked - unmasked).abs().max() > 100 * BLOCK_TOL


# ------------------------------------------------------------------ whole transformer
GRID = 8  # 8 x 8 image tokens


def transformer_inputs(model, base_len: int = 6) -> dict:
    gen = torch.Generator().manual_seed(3)
    dim = model.config.joint_attention_dim
    return dict(
        hidden_states=torch.randn(1, GRID * GRID, model.config.in_channels, generator=gen),
        encoder_hidden_states=torch.randn(1, base_len, dim, generator=gen),
        pooled_projections=torch.randn(1, model.config.pooled_projection_dim, generator=gen),
        timestep=torch.tensor([0.7]),
        img_ids=FluxPipeline._prepare_latent_image_ids(1, GRID, GRID, "cpu", torch.float32),
        txt_ids=torch.zeros(base_len, 3),
        guidance=torch.tensor([3.5]),
        return_dict=False,
    )


def left_right_boxes(grid) -> torch.Tensor:
    """Two boxes splitting the image left/right with an overlap: the case raster order tiles worst."""
    masks = torch.zeros(2, grid.rows, grid.cols, dtype=torch.bool)
    masks[0, :, : grid.cols // 2 + 1] = True
    masks[1, 1:-1, grid.cols // 2 :] = True  # leaves a background strip
    return masks.reshape(2, -1)


def regional(model, inputs, control_steps: int, **options) -> RegionalAttention:
    settings = dict(base_ratio=0.2, base_copy=False, double_interval=1, single_interval=2, attention="sdpa")
    settings.update(options)
    dim = model.config.joint_attention_dim
    return RegionalAttention(
        model,
        base_embeds=inputs["encoder_hidden_states"],
        regional_embeds=torch.randn(1, 12, dim, generator=torch.Generator().manual_seed(4)),
        text_lengths=[5, 4, 3],
        region_masks=left_right_boxes,
        control_steps=control_steps,
        **settings,
    )


@pytest.mark.parametrize("options", [{}, {"base_copy": True}, {"base_ratio": 0.0}])
def test_flex_with_reordered_image_tokens_matches_sdpa_through_the_transformer(model, options):
    inputs = transformer_inputs(model)
    with torch.no_grad():
        with regional(model, inputs, 1, attention="sdpa", **options):
            dense = model(**inputs)[0]
        with regional(model, inputs, 1, attention="flex", **options) as flex:
            sparse = model(**inputs)[0]
            order = flex._order
    assert not torch.equal(order, torch.arange(order.numel()))  # the tokens really were reordered
    torch.testing.assert_close(sparse, dense, atol=MODEL_TOL, rtol=0)


@pytest.mark.parametrize("attention", ["sdpa", "flex"])
def test_after_the_inject_steps_the_transformer_is_exactly_plain_flux(model, attention):
    inputs = transformer_inputs(model)
    with torch.no_grad():
        plain = model(**inputs)[0]
        with regional(model, inputs, 1, attention=attention, base_copy=True):
            controlled = model(**inputs)[0]
            later = model(**inputs)[0]
    assert torch.equal(later, plain)
    assert (controlled - plain).abs().max() > 1e-3


def test_the_mask_is_built_once_per_call(model, monkeypatch):
    built = []
    original = regional_module.dense_mask
    monkeypatch.setattr(
        regional_module, "dense_mask", lambda bits: built.append(bits.device) or original(bits)
    )
    inputs = transformer_inputs(model)
    with torch.no_grad(), regional(model, inputs, 3):
        for _ in range(4):
            model(**inputs)
    assert built == [torch.device("cpu")]
