"""The hf backend: a tiny random causal LM still yields a schema-valid plan (constrained decoding)."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("xgrammar")
pytest.importorskip("transformers")

from planner_fixtures import tiny_causal_lm  # noqa: E402

import planner  # noqa: E402
from planner.content import SchemaLimits, json_objects  # noqa: E402
from planner.hf_backend import HFChat, plan_with_hf_model  # noqa: E402

LIMITS = SchemaLimits(max_regions=3, label_chars=8, prompt_chars=16, base_chars=24)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def tiny():
    return tiny_causal_lm(seed=0)


def test_random_model_gives_valid_plan(tiny, tmp_path):
    model, tokenizer = tiny
    p = plan_with_hf_model(
        model,
        tokenizer,
        "a red cat and a blue dog",
        width=768,
        height=512,
        max_regions=3,
        limits=LIMITS,
        max_repairs=1,
        raw_response_dir=tmp_path,
    )
    assert isinstance(p, planner.Plan)
    assert (p.width, p.height, p.prompt) == (768, 512, "a red cat and a blue dog")
    assert len(p.regions) <= 3
    assert planner.parse_plan(p.to_json()) == p


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_constrained_output_always_parses(seed):
    model, tokenizer = tiny_causal_lm(seed=seed)
    chat = HFChat(model, tokenizer, limits=LIMITS)
    text = chat([{"role": "user", "content": "plan: three birds"}], 3)
    data = json_objects(text)[0]
    assert set(data) == {"base_prompt", "background_prompt", "regions"}
    assert len(data["base_prompt"]) <= LIMITS.base_chars and len(data["regions"]) <= 3
    assert data["base_prompt"][:1].strip()  # never blank: the pattern wants a visible first character
    for region in data["regions"]:
        assert len(region["box"]) == 4 and all(0 <= v <= 1 for v in region["box"])
        assert 1 <= len(region["label"]) <= LIMITS.label_chars and region["label"][:1].strip()
    assert json.loads(text, strict=False) == data  # the whole answer is the JSON object, nothing around it


def test_unconstrained_random_model_would_not_parse(tiny):
    model, tokenizer = tiny
    inputs = tokenizer("hello", return_tensors="pt")
    out = model.generate(**inputs, max_new_tokens=30, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    text = tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
    with pytest.raises(ValueError):
        json.loads(text)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(planner.PlannerError, match="cannot load the hf model"):
        planner.make_plan("a cat", planner="hf", llm_model=str(tmp_path / "no-such-model"))
    with pytest.raises(planner.PlannerError, match="HF_HUB_OFFLINE"):
        planner.make_plan("a cat", planner="hf", llm_model="nobody/not-a-real-model-xyz")


def test_default_model_is_never_downloaded(monkeypatch, tmp_path):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache: the default model is not there
    with pytest.raises(planner.PlannerError, match="only when already downloaded"):
        planner.make_plan("a cat", planner="hf")


def test_missing_xgrammar_names_the_extra(monkeypatch, tiny):
    monkeypatch.setitem(sys.modules, "xgrammar", None)
    model, tokenizer = tiny
    with pytest.raises(planner.PlannerError, match=r"pip install regional-flux\[hf\]"):
        HFChat(model, tokenizer)


def _regions_answer(count: int) -> str:
    region = {"label": "bird", "prompt": "a bird", "box": [0.1, 0.1, 0.2, 0.2]}
    data = {"base_prompt": "birds", "background_prompt": "", "regions": [region] * count}
    return json.dumps(data)


def test_grammar_honours_the_callers_region_cap(tiny):
    """The grammar allows exactly max_regions regions, whatever the grammar's own (larger) limit."""
    import xgrammar

    model, tokenizer = tiny
    chat = HFChat(model, tokenizer, limits=SchemaLimits(max_regions=16))
    grammar = chat.grammar(2)
    for count, allowed in ((0, True), (2, True), (3, False)):
        matcher = xgrammar.GrammarMatcher(grammar)
        assert matcher.accept_string(_regions_answer(count)) is allowed, count


def test_plan_with_max_regions_compiles_the_capped_grammar(tiny, tmp_path, monkeypatch):
    """Through the whole planner: max_regions=2 reaches the grammar as maxItems 2 (it was always 16)."""
    import xgrammar

    compiled: list[dict] = []
    original = xgrammar.GrammarCompiler.compile_json_schema

    def spy(self, schema, *args, **kwargs):
        compiled.append(json.loads(schema))
        return original(self, schema, *args, **kwargs)

    monkeypatch.setattr(xgrammar.GrammarCompiler, "compile_json_schema", spy)
    model, tokenizer = tiny
    plan_with_hf_model(
        model,
        tokenizer,
        "three birds",
        max_regions=2,
        limits=SchemaLimits(max_regions=16, label_chars=8, prompt_chars=16, base_chars=24),
        max_repairs=0,
        raw_response_dir=tmp_path,
    )
    assert compiled and all(schema["properties"]["regions"]["maxItems"] == 2 for schema in compiled)
