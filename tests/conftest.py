"""Shared fixtures: the tiny FLUX pipeline is built once per test session."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_pipe():
    """The built-in tiny random-weight FLUX pipeline (CPU, float32)."""
    from renderer.tiny import build_tiny_pipeline

    return build_tiny_pipeline()


@pytest.fixture
def render_counter(monkeypatch):
    """Counts the pipeline calls (one per rendered image), recording each plan's base prompt."""
    import renderer.pipeline as pipeline_module

    calls = []
    original = pipeline_module.render_with_pipeline

    def counting(*args, **kwargs):
        calls.append(args[1].base_prompt)
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "render_with_pipeline", counting)
    return calls
