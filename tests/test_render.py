"""render(): regional control on the tiny FLUX pipeline, exactness, reuse, and input checks."""

import numpy as np
import pytest
import torch
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor
from render_fixtures import pixels, two_halves

import renderer.pipeline as pipeline_module
from planner import PlanError, validate_plan
from renderer import render
from renderer.errors import ModelUnavailableError
from renderer.pipeline import encode_regional_prompts, regional_lengths
from renderer.regional import block_processors
from renderer.settings import SettingsError

FAST = dict(steps=4, progress=False)


def assert_plain_processors(transformer):
    assert all(type(p) is FluxAttnProcessor for p in transformer.attn_processors.values())
    assert not transformer._forward_pre_hooks
    assert not transformer.single_transformer_blocks[0]._forward_pre_hooks


# ---------------------------------------------------------------- no leakage
# The tiny decoder is convolutional with a reach of about 60 px, so "well inside" the left
# half (x < 128) means x < 56.
INSIDE_LEFT = (slice(None), slice(0, 56))
INSIDE_RIGHT = (slice(None), slice(200, 256))
FULL_CONTROL = dict(inject_steps=4, double_interval=1, single_interval=1)


@pytest.mark.parametrize(
    "options", [{"base_copy": True}, {"base_copy": False}], ids=["base-copy", "shared-image"]
)
def test_changing_one_region_leaves_the_other_untouched_at_base_ratio_zero(tiny_pipe, options):
    first = pixels(
        render(two_halves("a red lamp"), pipe=tiny_pipe, base_ratio=0.0, **FULL_CONTROL, **FAST, **options)
    )
    second = pixels(
        render(
            two_halves("a blue zebra, striped"),
            pipe=tiny_pipe,
            base_ratio=0.0,
            **FULL_CONTROL,
            **FAST,
            **options,
        )
    )
    assert np.array_equal(first[INSIDE_LEFT], second[INSIDE_LEFT])
    assert np.abs(first[INSIDE_RIGHT] - second[INSIDE_RIGHT]).mean() > 1.0  # the edit itself shows


def test_with_a_base_ratio_the_base_attention_carries_changes_across(tiny_pipe):
    first = pixels(render(two_halves("a red lamp"), pipe=tiny_pipe, base_ratio=0.3, **FULL_CONTROL, **FAST))
    second = pixels(
        render(two_halves("a blue zebra, striped"), pipe=tiny_pipe, base_ratio=0.3, **FULL_CONTROL, **FAST)
    )
    changed = (first[INSIDE_LEFT] != second[INSIDE_LEFT]).mean()
    assert changed > 0.01


# ---------------------------------------------------------------- exactness
def stock_image(pipe, prompt: str, steps: int = 4, width: int = 256, height: int = 256):
    return pipe(
        prompt,
        width=width,
        height=height,
        num_inference_steps=steps,
        guidance_scale=3.5,
        generator=torch.Generator("cpu").manual_seed(0),
        max_sequence_length=pipe.tokenizer_2.model_max_length,
    ).images[0]


def test_control_off_equals_stock_flux_on_the_base_prompt(tiny_pipe):
    regional_off = render(two_halves(), pipe=tiny_pipe, inject_steps=0, **FAST)
    assert np.array_equal(pixels(regional_off), pixels(stock_image(tiny_pipe, "a cosy room")))
    assert_plain_processors(tiny_pipe.transformer)


def test_a_plan_without_regions_is_plain_flux(tiny_pipe):
    plan = {"base_prompt": "a quiet harbour", "width": 256, "height": 384, "regions": []}
    image = render(plan, pipe=tiny_pipe, inject_steps=4, **FAST)
    stock = stock_image(tiny_pipe, "a quiet harbour", width=256, height=384)
    assert np.array_equal(pixels(image), pixels(stock))


def test_regional_control_changes_the_image(tiny_pipe):
    regional = pixels(render(two_halves(), pipe=tiny_pipe, **FAST))
    assert np.abs(regional - pixels(stock_image(tiny_pipe, "a cosy room"))).mean() > 1.0


def text_lengths_seen(pipe, **render_kwargs) -> list[int]:
    """Text tokens the first double block sees on each transformer call."""
    seen = []
    handle = pipe.transformer.transformer_blocks[0].register_forward_pre_hook(
        lambda module, args, kwargs: seen.append(kwargs["encoder_hidden_states"].shape[1]), with_kwargs=True
    )
    try:
        render(pipe=pipe, **render_kwargs)
    finally:
        handle.remove()
    return seen


def test_control_only_in_the_inject_steps_then_plain_base_text(tiny_pipe):
    base = tiny_pipe.tokenizer_2.model_max_length
    seen = text_lengths_seen(
        tiny_pipe, plan=two_halves(), steps=5, inject_steps=2, regional_tokens="padded", progress=False
    )
    # regions tile the image: no background run; padded mode: each region at the base length
    assert seen == [base * 3] * 2 + [base] * 3


def test_inject_steps_beyond_the_schedule_means_every_step(tiny_pipe):
    base = tiny_pipe.tokenizer_2.model_max_length
    seen = text_lengths_seen(
        tiny_pipe, plan=two_halves(), steps=3, inject_steps=50, regional_tokens="padded", progress=False
    )
    assert seen == [base * 3] * 3


def test_own_length_regional_tokens_shorten_the_text(tiny_pipe):
    base = tiny_pipe.tokenizer_2.model_max_length
    seen = text_lengths_seen(tiny_pipe, plan=two_halves(), steps=2, regional_tokens="own", progress=False)
    assert base < seen[0] < base * 3


def test_a_token_budget_pads_each_regional_prompt_to_it(tiny_pipe):
    base = tiny_pipe.tokenizer_2.model_max_length
    own = [len(tiny_pipe.tokenizer_2(r["prompt"]).input_ids) for r in two_halves()["regions"]]
    budget = max(own) + 3
    seen = text_lengths_seen(tiny_pipe, plan=two_halves(), steps=1, regional_tokens=budget, progress=False)
    assert seen == [base + 2 * budget]
    # a prompt longer than the budget keeps its own length; never more than the base length
    assert regional_lengths([5, 40, 600], base_length=512, budget=32) == [32, 40, 512]
    assert regional_lengths([5, 40], base_length=512, budget="own") == [5, 40]
    assert regional_lengths([5, 40], base_length=512, budget="padded") == [512, 512]


def test_regional_prompts_of_one_length_are_encoded_in_one_batch_with_the_same_result(tiny_pipe):
    """The speed-up (one T5 call per length, not per prompt) leaves the embeddings as they were."""
    prompts = ["a red fox", "a blue bird with long tail feathers", "a quiet harbour"]
    base = tiny_pipe.tokenizer_2.model_max_length
    calls = []
    original = tiny_pipe.encode_prompt

    def counted(*args, **kwargs):
        calls.append(kwargs["max_sequence_length"])
        return original(*args, **kwargs)

    tiny_pipe.encode_prompt = counted
    try:
        embeds, lengths = encode_regional_prompts(tiny_pipe, prompts, base_length=base, budget=base // 2)
    finally:
        del tiny_pipe.encode_prompt
    assert lengths == [base // 2] * 3 and calls == [base // 2]
    one_by_one = torch.cat(
        [original(prompt=p, prompt_2=None, max_sequence_length=base // 2)[0] for p in prompts], dim=1
    )
    assert torch.allclose(embeds, one_by_one, atol=1e-6, rtol=0)


def test_background_prompt_joins_when_regions_leave_space(tiny_pipe):
    base = tiny_pipe.tokenizer_2.model_max_length
    plan = two_halves()
    plan["regions"] = plan["regions"][:1]
    seen = text_lengths_seen(tiny_pipe, plan=plan, steps=1, regional_tokens="padded", progress=False)
    assert seen == [base * 3]  # base, one region, background


def test_block_intervals_select_masked_blocks(tiny_pipe):
    processors = block_processors(tiny_pipe.transformer, double_interval=2, single_interval=3)
    masked = {name.rsplit(".", 2)[0] for name, p in processors.items() if p.masked}
    assert masked == {
        "transformer_blocks.0",
        "single_transformer_blocks.0",
        "single_transformer_blocks.3",
    }


# ---------------------------------------------------------------- reuse
def test_one_pipeline_many_calls_with_different_regions_and_sizes(tiny_pipe, tmp_path):
    first = pixels(render(two_halves(), pipe=tiny_pipe, **FAST))
    assert_plain_processors(tiny_pipe.transformer)

    three_wide = {
        "base_prompt": "three birds on a wire",
        "width": 384,
        "height": 256,
        "regions": [
            {"label": "bird", "prompt": f"a small bird number {i}", "box": [i / 3, 0.2, (i + 1) / 3, 0.6]}
            for i in range(3)
        ],
    }
    assert render(three_wide, pipe=tiny_pipe, **FAST).size == (384, 256)

    sixteen = {
        "base_prompt": "a grid of tiles",
        "width": 256,
        "height": 320,
        "regions": [
            {
                "label": f"tile {i}",
                "prompt": f"tile {i}",
                "box": [(i % 4) / 4, (i // 4) / 4, (i % 4 + 1) / 4, (i // 4 + 1) / 4],
            }
            for i in range(16)
        ],
    }
    assert render(sixteen, pipe=tiny_pipe, regional_tokens="own", **FAST).size == (256, 320)
    assert_plain_processors(tiny_pipe.transformer)

    again = pixels(render(two_halves(), pipe=tiny_pipe, **FAST))
    assert np.array_equal(first, again)


def test_a_failed_call_leaves_the_pipeline_plain(tiny_pipe, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("scheduler exploded")

    monkeypatch.setattr(tiny_pipe.scheduler, "step", boom)
    with pytest.raises(RuntimeError, match="exploded"):
        render(two_halves(), pipe=tiny_pipe, **FAST)
    monkeypatch.undo()
    assert_plain_processors(tiny_pipe.transformer)


# ---------------------------------------------------------------- settings and inputs
def test_plan_render_settings_apply_unless_overridden(tiny_pipe):
    from_plan = pixels(render(two_halves(render={"seed": 7, "steps": 3}), pipe=tiny_pipe, progress=False))
    explicit = pixels(render(two_halves(), pipe=tiny_pipe, seed=7, steps=3, progress=False))
    other_seed = pixels(
        render(two_halves(render={"seed": 7, "steps": 3}), pipe=tiny_pipe, seed=8, progress=False)
    )
    assert np.array_equal(from_plan, explicit)
    assert not np.array_equal(from_plan, other_seed)


@pytest.fixture
def no_model_loading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded before the inputs were checked")

    monkeypatch.setattr(pipeline_module, "load_pipeline", refuse)


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ({"base_prompt": "x", "width": 1000}, "width: 1000 is not a multiple of 16"),
        ({"base_prompt": "x", "height": 4096}, "height: 4096 is outside 256..2048"),
        ({"base_prompt": ""}, "base_prompt"),
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": "b", "box": [0.2, 0.1, 1.3, 0.5]}]},
            r"regions\[0\]\.box: box \[0.2, 0.1, 1.3, 0.5\] must lie inside \[0, 1\]",
        ),
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": "b", "box": [0.5, 0.1, 0.5, 0.5]}]},
            "zero area",
        ),
        ({"base_prompt": "x", "regions": [{"label": "a", "prompt": " ", "box": [0, 0, 1, 1]}]}, "prompt"),
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": "b", "box": [0, 0, 1, 1]}] * 17},
            "17 regions is more than the limit of 16",
        ),
        (
            {"base_prompt": "x", "regions": [{"label": "a", "prompt": "b", "mask": "/no/such/mask.png"}]},
            "not found",
        ),
        ({"base_prompt": "x", "render": {"base_ratio": 1.5}}, "base_ratio"),
    ],
)
def test_invalid_plans_fail_clearly_before_any_model_loads(no_model_loading, plan, message):
    with pytest.raises(PlanError, match=message) as info:
        render(plan, model="black-forest-labs/FLUX.1-dev")
    assert "\n" not in str(info.value)


def test_invalid_settings_fail_before_any_model_loads(no_model_loading):
    with pytest.raises(
        SettingsError, match="invalid setting: steps: Input should be greater than or equal to 1"
    ):
        render({"base_prompt": "x"}, steps=0)
    with pytest.raises(SettingsError, match="regional_tokens"):
        render({"base_prompt": "x"}, regional_tokens="short")
    with pytest.raises(TypeError, match="unknown render setting"):
        render({"base_prompt": "x"}, stepz=3)


def test_plan_files_load_and_report_their_path(tmp_path, no_model_loading):
    broken = tmp_path / "plan.json"
    broken.write_text('{"base_prompt": "x", "regions": [{"label": "a", "prompt": "b"}]}')
    with pytest.raises(PlanError, match=r"plan.json: regions\[0\]: give exactly one of 'box' or 'mask'"):
        render(broken)


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the CPU-only refusal")
def test_real_model_without_cuda_is_refused_with_a_hint():
    plan = validate_plan({"base_prompt": "x"})
    with pytest.raises(ModelUnavailableError, match="--model tiny"):
        render(plan)
