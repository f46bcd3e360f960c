"""The openai backend against a scripted OpenAI-compatible server on 127.0.0.1, via the real client."""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

import pytest
from planner_fixtures import FakeLLMServer, answer, error, reject_response_format

import planner
from planner.openai_backend import OpenAIChat, RetryPolicy
from planner.raw_log import RawResponseLog

API_KEY = "sk-test-SECRET-key-1234567890"

GOOD = {
    "base_prompt": "a red backpack and a blue umbrella on a beach",
    "background_prompt": "a sandy beach",
    "regions": [
        {"label": "red backpack", "prompt": "a red backpack, nylon", "box": [0.05, 0.4, 0.45, 0.95]},
        {"label": "blue umbrella", "prompt": "a blue umbrella, open", "box": [0.55, 0.1, 0.95, 0.9]},
    ],
}
PROMPT = "a red backpack and a blue umbrella on a beach"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def plan_via(server: FakeLLMServer, tmp_path: Path, **kwargs):
    """make_plan through the server, raw responses going to tmp_path."""
    return planner.make_plan(
        PROMPT,
        planner="openai",
        llm_model="test-model",
        raw_response_dir=tmp_path,
        **kwargs,
    )


def saved_path(message: str) -> Path:
    match = re.search(r"saved to (\S+)$", message)
    assert match, message
    return Path(match.group(1))


def test_success_uses_structured_output(monkeypatch, tmp_path):
    with FakeLLMServer([answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path)
    assert [r.label for r in plan.regions] == ["red backpack", "blue umbrella"]
    assert plan.prompt == PROMPT and plan.version == 1 and (plan.width, plan.height) == (1024, 1024)
    request = server.requests[0]
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    schema = request["response_format"]["json_schema"]["schema"]
    assert set(schema["required"]) == {"base_prompt", "background_prompt", "regions"}
    assert request["messages"][0]["role"] == "system"
    assert PROMPT in request["messages"][-1]["content"]
    assert server.headers[0]["authorization"] == f"Bearer {API_KEY}"
    assert len(server.requests) == 1


def test_auto_picks_openai_when_base_url_set(monkeypatch, tmp_path):
    monkeypatch.delenv("OPENAI_API_KEY")
    with FakeLLMServer([answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = planner.make_plan(PROMPT, raw_response_dir=tmp_path)
    assert len(server.requests) == 1 and len(plan.regions) == 2


def test_prose_and_fenced_answers_parse(monkeypatch, tmp_path):
    fenced = "Here is the plan:\n```json\n" + json.dumps(GOOD, indent=2) + "\n```\nEnjoy!"
    prose = "Sure! " + json.dumps(GOOD) + " Let me know."
    for text in (fenced, prose):
        with FakeLLMServer([answer(text)]) as server:
            monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
            plan = plan_via(server, tmp_path)
        assert len(plan.regions) == 2 and len(server.requests) == 1


def test_invalid_json_then_valid(monkeypatch, tmp_path):
    with FakeLLMServer([answer('{"base_prompt": "oops", "regions": [ '), answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path)
    assert len(server.requests) == 2 and len(plan.regions) == 2
    repair = server.requests[1]["messages"][-1]["content"]
    assert "not a JSON object" in repair and '"base_prompt": "oops"' in repair
    assert server.requests[1]["messages"][-2] == {
        "role": "assistant",
        "content": '{"base_prompt": "oops", "regions": [ ',
    }


def test_schema_violation_then_valid_shows_error_in_repair(monkeypatch, tmp_path):
    bad = json.loads(json.dumps(GOOD))
    bad["regions"][1]["box"] = [0.5, 0.1, 1.7, 0.9]  # far outside [0, 1]: not clamped
    del bad["regions"][0]["label"]
    with FakeLLMServer([answer(bad), answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path)
    assert len(server.requests) == 2 and plan.regions[1].box == (0.55, 0.1, 0.95, 0.9)
    repair = server.requests[1]["messages"][-1]["content"]
    assert "regions[0].label: Field required" in repair
    assert "regions[1].box: box [0.5, 0.1, 1.7, 0.9] must lie inside [0, 1]" in repair


def test_small_box_mistakes_fixed_locally(monkeypatch, tmp_path, caplog):
    fixable = json.loads(json.dumps(GOOD))
    fixable["regions"][0]["box"] = [-0.03, 0.4, 0.45, 1.04]  # slightly out: clamped
    fixable["regions"][1]["box"] = [0.95, 0.9, 0.55, 0.1]  # flipped: swapped with a warning
    fixable["regions"].append({"label": "flat", "prompt": "nothing", "box": [0.2, 0.5, 0.2, 0.6]})
    with FakeLLMServer([answer(fixable)]) as server, caplog.at_level(logging.WARNING, "planner"):
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path)
    assert len(server.requests) == 1
    assert [r.box for r in plan.regions] == [(0.0, 0.4, 0.45, 1.0), (0.55, 0.1, 0.95, 0.9)]
    assert "flipped" in caplog.text and "zero area" in caplog.text


def test_too_many_regions_one_repair_then_truncate(monkeypatch, tmp_path, caplog):
    many = dict(GOOD, regions=[dict(GOOD["regions"][0], label=f"thing {i}") for i in range(5)])
    with FakeLLMServer([answer(many)]) as server, caplog.at_level(logging.WARNING, "planner"):
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path, max_regions=3)
    assert len(server.requests) == 2  # one repair asking for fewer, then keep the first ones
    assert "at most 3 regions" in server.requests[1]["messages"][-1]["content"]
    assert [r.label for r in plan.regions] == ["thing 0", "thing 1", "thing 2"]
    assert "kept the first 3" in caplog.text


def test_429_and_500_then_success(monkeypatch, tmp_path):
    steps = [
        error(429, "slow down", {"retry-after": "0"}),
        error(500, "oops", {"retry-after-ms": "1"}),
        answer(GOOD),
    ]
    with FakeLLMServer(steps) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path, max_attempts=3)
    assert len(server.requests) == 3 and len(plan.regions) == 2


def test_exponential_backoff_without_retry_after(tmp_path):
    waits: list[float] = []
    with FakeLLMServer([error(503), error(502), answer(GOOD)]) as server:
        chat = OpenAIChat(
            model="m",
            retry=RetryPolicy(max_attempts=4, timeout_s=10, wait_initial_s=0.01, wait_max_s=1),
            raw_log=RawResponseLog(tmp_path),
            api_key=API_KEY,
            base_url=server.base_url,
            sleep=waits.append,
        )
        text = chat([{"role": "user", "content": "hi"}], 4)
    assert json.loads(text) == GOOD
    assert waits == [0.01, 0.02] and chat.requests == 3


def test_retry_after_beyond_budget_stops(monkeypatch, tmp_path):
    with FakeLLMServer([error(429, "slow down", {"retry-after": "120"}), answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        start = time.perf_counter()
        with pytest.raises(planner.ServiceUnavailableError, match="RateLimitError 429"):
            plan_via(server, tmp_path, max_attempts=3, timeout_s=2)
    assert len(server.requests) == 1 and time.perf_counter() - start < 2


def test_auto_without_credentials_is_rules(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    plan = planner.make_plan("two red apples", planner="auto")
    assert [r.label for r in plan.regions] == ["red apple", "red apple"]


def test_persistent_failure_is_clear_and_saves_raw(monkeypatch, tmp_path):
    with FakeLLMServer([error(500, f"internal trouble, key was {API_KEY}", {"retry-after": "0"})]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(planner.ServiceUnavailableError) as info:
            plan_via(server, tmp_path, max_attempts=2)
    message = str(info.value)
    assert len(server.requests) == 2
    assert "\n" not in message and "after 2 attempts" in message and "500" in message
    path = saved_path(message)
    assert path.parent == tmp_path and path.exists()
    text = path.read_text()
    assert "internal trouble" in text and API_KEY not in text and API_KEY not in message
    assert isinstance(info.value, planner.PlannerError)


def test_never_valid_raises_planning_failed(monkeypatch, tmp_path):
    with FakeLLMServer([answer(f"I cannot do that ({API_KEY})")]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(planner.PlanningFailedError) as info:
            plan_via(server, tmp_path, max_repairs=2)
    assert len(server.requests) == 3
    message = str(info.value)
    assert "no valid plan in 3 answers" in message and "\n" not in message
    text = saved_path(message).read_text()
    assert "I cannot do that" in text and API_KEY not in text
    assert info.value.__cause__ is None and info.value.__context__ is None


def test_default_raw_file_goes_to_temp_dir(monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with FakeLLMServer([answer("nope")]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(planner.PlanningFailedError) as info:
            planner.make_plan(PROMPT, planner="openai", max_repairs=0)
    assert saved_path(str(info.value)).parent == tmp_path


def test_unreachable_server(monkeypatch, tmp_path):
    import socket

    with socket.socket() as sock:  # a loopback port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    with pytest.raises(planner.ServiceUnavailableError) as info:
        planner.make_plan(PROMPT, planner="openai", max_attempts=1, raw_response_dir=tmp_path)
    assert "APIConnectionError" in str(info.value) and saved_path(str(info.value)).exists()


def test_falls_back_when_response_format_rejected(monkeypatch, tmp_path):
    with FakeLLMServer([reject_response_format(answer(GOOD))]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(server, tmp_path, max_attempts=1)
    kinds = [r.get("response_format", {}).get("type") for r in server.requests]
    assert kinds == ["json_schema", "json_object", None]
    assert len(plan.regions) == 2


def test_falls_back_to_json_mode(monkeypatch, tmp_path):
    def only_json_mode(request):
        if request.get("response_format", {}).get("type") == "json_schema":
            return error(400, "json_schema is not supported")(request)
        return answer(GOOD)(request)

    with FakeLLMServer([only_json_mode]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan_via(server, tmp_path)
    assert [r["response_format"]["type"] for r in server.requests] == ["json_schema", "json_object"]


def test_model_without_temperature(monkeypatch, tmp_path):
    def no_temperature(request):
        if "temperature" in request:
            return error(400, "Unsupported value: 'temperature' does not support 0 with this model.")(request)
        return answer(GOOD)(request)

    with FakeLLMServer([no_temperature]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan_via(server, tmp_path)
    assert ["temperature" in r for r in server.requests] == [True, False]
    assert all(r["response_format"]["type"] == "json_schema" for r in server.requests)


def test_missing_credentials_is_clear(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(planner.PlannerError, match="OPENAI_API_KEY"):
        planner.make_plan(PROMPT, planner="openai")


def test_unknown_backend():
    with pytest.raises(ValueError, match="unknown planner 'magic'"):
        planner.make_plan(PROMPT, planner="magic")


def test_custom_templates_dir(monkeypatch, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "system.j2").write_text("CUSTOM SYSTEM for {{ width }}x{{ height }}, max {{ max_regions }}")
    (templates / "examples.json").write_text("[]")
    with FakeLLMServer([answer(GOOD)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan_via(server, tmp_path, templates_dir=templates, width=768, height=512)
    messages = server.requests[0]["messages"]
    assert messages[0]["content"] == "CUSTOM SYSTEM for 768x512, max 16"
    assert len(messages) == 2  # no few-shot examples
