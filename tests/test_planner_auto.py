"""`auto` picks openai with credentials, else a cached local model on a CUDA GPU, else rules; never downloads."""

from __future__ import annotations

import pytest

import planner
from planner import hf_backend
from planner.make import choose_planner
from renderer.cli import main

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def fake_cache(root, files=("config.json", "tokenizer_config.json", "model.safetensors")):
    """A Hugging Face cache holding the default local model's files (empty files: never loaded here)."""
    repo = root / ("models--" + hf_backend.DEFAULT_HF_MODEL.replace("/", "--"))
    snapshot = repo / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)
    for name in files:
        (snapshot / name).write_text("{}")
    return root


@pytest.fixture
def no_openai(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def cache(monkeypatch, tmp_path):
    import huggingface_hub.constants

    root = tmp_path / "hub"
    root.mkdir()
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(root))
    return root


def with_cuda(monkeypatch, present: bool) -> list[bool]:
    asked: list[bool] = []

    def cuda() -> bool:
        asked.append(True)
        return present

    monkeypatch.setattr(hf_backend, "cuda_available", cuda)
    return asked


def test_cached_model_and_cuda_pick_hf(no_openai, cache, monkeypatch):
    fake_cache(cache)
    with_cuda(monkeypatch, True)
    choice = choose_planner("auto")
    assert choice.name == "hf" and hf_backend.DEFAULT_HF_MODEL in choice.reason


def test_without_cuda_it_is_rules(no_openai, cache, monkeypatch):
    fake_cache(cache)
    with_cuda(monkeypatch, False)
    choice = choose_planner("auto")
    assert choice.name == "rules" and "no CUDA GPU" in choice.line()


def test_an_uncached_model_is_never_downloaded_and_cuda_never_asked(no_openai, cache, monkeypatch):
    fake_cache(cache, files=("config.json", "tokenizer_config.json"))  # no weights
    asked = with_cuda(monkeypatch, True)
    choice = choose_planner("auto")
    assert choice.name == "rules" and "not in the Hugging Face cache" in choice.reason
    assert asked == [] and not list(cache.rglob("*.incomplete"))


def test_credentials_win(no_openai, cache, monkeypatch):
    fake_cache(cache)
    with_cuda(monkeypatch, True)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert choose_planner("auto").line() == "planner: openai (auto: OPENAI_BASE_URL is set)"
    assert choose_planner("rules").name == "rules"


def test_make_plan_auto_loads_the_default_local_model(no_openai, cache, monkeypatch):
    fake_cache(cache)
    with_cuda(monkeypatch, True)
    loaded: list[str | None] = []

    def load_model(model_id):
        loaded.append(model_id)
        raise planner.PlannerError("stop here: the test only checks which model auto loads")

    monkeypatch.setattr(hf_backend, "load_model", load_model)
    with pytest.raises(planner.PlannerError, match="stop here"):
        planner.make_plan("a red fox", planner="auto")
    assert loaded == [None]  # None: the default model, local files only


def test_the_cli_says_which_planner_and_why(no_openai, cache, monkeypatch, tmp_path, capsys):
    with_cuda(monkeypatch, True)
    assert main(["two red apples on a plate", "--plan-only", "--out", str(tmp_path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("planner: rules (auto: no OPENAI_API_KEY or OPENAI_BASE_URL, and the local model")
