"""The CLI shows the critic's findings under the plan table for any plan, and the LLM planner's flags."""

from __future__ import annotations

import json
import time

import pytest
from planner_fixtures import FakeLLMServer, answer, error

from renderer.cli import main

HARBOUR = "An old lighthouse on the left, a small boat on the right and two seagulls in the sky."
SWAPPED = {
    "version": 1,
    "prompt": HARBOUR,
    "base_prompt": HARBOUR,
    "regions": [
        {"label": "old lighthouse", "prompt": "an old lighthouse", "box": [0.6, 0.1, 0.95, 0.95]},
        {"label": "small boat", "prompt": "a small boat", "box": [0.05, 0.6, 0.4, 0.9]},
        {"label": "seagull", "prompt": "a seagull", "box": [0.4, 0.05, 0.5, 0.15]},
        {"label": "seagull", "prompt": "a seagull", "box": [0.5, 0.05, 0.6, 0.15]},
    ],
}


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-for-the-cli")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def test_findings_print_under_the_table_of_a_plan_file(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(SWAPPED))
    assert main(["--plan", str(plan), "--plan-only", "--out", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().out.splitlines()
    critic = [line for line in lines if line.startswith("critic: ")]
    assert len(critic) == 2 and "old lighthouse" in critic[0] and "on the left" in critic[0]
    assert lines.index(critic[0]) > max(i for i, line in enumerate(lines) if line.startswith("background:"))
    assert not any(line.startswith("planner: ") for line in lines)  # nothing was planned

    assert main(["--plan", str(plan), "--plan-only", "--no-critic", "--out", str(tmp_path / "o2")]) == 0
    assert "critic: " not in capsys.readouterr().out


def test_the_critic_reads_a_plan_once_per_run(monkeypatch, tmp_path, capsys):
    """The findings printed under the table are the ones the run computed, not a second reading."""
    import planner.critic
    import renderer.workflow

    calls = []
    real = planner.critic.critique

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(planner.critic, "critique", counted)
    monkeypatch.setattr(renderer.workflow, "critique", counted)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(SWAPPED))
    assert main(["--plan", str(plan), "--plan-only", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.count("critic: ") == 2
    assert len(calls) == 1


def test_an_llm_that_never_agrees_still_gives_a_plan_and_the_warning(monkeypatch, tmp_path, capsys):
    content = {k: SWAPPED[k] for k in ("base_prompt", "regions")} | {"background_prompt": ""}
    with FakeLLMServer([answer(content)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        code = main([HARBOUR, "--planner", "openai", "--plan-only", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0 and len(server.requests) == 3  # the first answer and two repairs
    assert out.splitlines()[0] == "planner: openai (asked for)"
    assert out.count("critic: ") == 2 and (tmp_path / "plan.json").exists()


def test_timeout_bounds_the_whole_answer(monkeypatch, tmp_path, capsys):
    from openai.types.chat import ChatCompletion  # noqa: F401  (a cold import is not the server's time)

    with FakeLLMServer([error(503, "busy", {"retry-after": "0.3"})]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        start = time.monotonic()
        code = main([HARBOUR, "--planner", "openai", "--plan-only", "--timeout", "1", "--out", str(tmp_path)])
        elapsed = time.monotonic() - start
    assert code == 1 and elapsed < 3 and len(server.requests) <= 4
    assert "could not get an answer" in capsys.readouterr().err


def test_a_key_with_a_newline_is_bad_input(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-for-the-cli\n")
    assert main([HARBOUR, "--planner", "openai", "--plan-only", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "OPENAI_API_KEY ends with a newline" in err and err.count("\n") == 1
    assert "sk-test-key" not in err


def test_a_batch_prints_each_items_findings_and_no_critic_silences_them(tmp_path, capsys):
    (tmp_path / "plan.json").write_text(json.dumps({**SWAPPED, "width": 256, "height": 256}))
    batch = tmp_path / "jobs.jsonl"
    batch.write_text('{"plan": "plan.json", "name": "harbour", "steps": 1}\n')
    tiny = ["--model", "tiny", "--batch", str(batch)]
    assert main([*tiny, "--out", str(tmp_path / "out")]) == 0
    critic = [line for line in capsys.readouterr().out.splitlines() if ": critic: " in line]
    assert (
        len(critic) == 2 and critic[0].startswith("[1/1] harbour: critic: ") and "old lighthouse" in critic[0]
    )

    assert main([*tiny, "--no-critic", "--out", str(tmp_path / "quiet")]) == 0
    assert ": critic: " not in capsys.readouterr().out
