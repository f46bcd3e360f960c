"""LLM answers are bounded and secrets stay secret: a total deadline, a decoded-size cap, key checks.

Each test plays a misbehaving OpenAI-compatible server on 127.0.0.1 through the real client.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import tracemalloc
from pathlib import Path

import pytest
from planner_fixtures import FakeLLMServer, answer, raw

import planner
from planner.errors import InputError

API_KEY = "sk-test-SECRET-key-1234567890"
PROMPT = "a red backpack and a blue umbrella on a beach"
GOOD = {
    "base_prompt": PROMPT,
    "background_prompt": "a sandy beach",
    "regions": [
        {"label": "red backpack", "prompt": "a red backpack, nylon", "box": [0.05, 0.4, 0.45, 0.95]},
        {"label": "blue umbrella", "prompt": "a blue umbrella, open", "box": [0.55, 0.1, 0.95, 0.9]},
    ],
}


@pytest.fixture(scope="module", autouse=True)
def _openai_imported() -> None:
    """Import the client's modules first: the timing tests measure the server, not a cold import."""
    from openai.types.chat import ChatCompletion  # noqa: F401


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def plan_via(tmp_path: Path, **kwargs):
    return planner.make_plan(
        PROMPT, planner="openai", llm_model="m", raw_response_dir=tmp_path, critic=False, **kwargs
    )


def saved_text(message: str) -> str:
    match = re.search(r"saved to (\S+)$", message)
    assert match, message
    return Path(match.group(1)).read_text()


def test_a_trickling_server_cannot_hold_the_planner_past_the_deadline(monkeypatch, tmp_path):
    padded = dict(GOOD, background_prompt="a sandy beach " * 100)
    body = json.dumps({"choices": [{"message": {"content": json.dumps(padded)}}]}).encode()
    with FakeLLMServer([raw(body, delay_s="0.05")]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        start = time.monotonic()
        with pytest.raises(planner.ServiceUnavailableError, match="within the deadline of 1.5 s"):
            plan_via(tmp_path, timeout_s=1.5, max_attempts=5)
        elapsed = time.monotonic() - start
    assert elapsed < 6.0  # the whole body would take two minutes; retries stop at the deadline too


def test_trickled_headers_are_bounded_too(monkeypatch, tmp_path):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:  # a status line and headers, one byte every 50 ms (two minutes in all)
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\nx-pad: " + b"a" * 2400 + b"\r\n\r\n":
                if stop.is_set():
                    break
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    break
                time.sleep(0.05)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    start = time.monotonic()
    try:
        with pytest.raises(planner.ServiceUnavailableError):
            plan_via(tmp_path, timeout_s=1.5, max_attempts=1)
        elapsed = time.monotonic() - start
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)
    assert elapsed < 6.0  # the headers alone would take two minutes


def test_the_deadline_covers_every_attempt_and_wait(monkeypatch, tmp_path):
    from planner_fixtures import error

    with FakeLLMServer([error(503, "busy", {"retry-after": "0.4"})]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        start = time.monotonic()
        with pytest.raises(planner.ServiceUnavailableError):
            plan_via(tmp_path, timeout_s=1.0, max_attempts=50)
        elapsed = time.monotonic() - start
    assert elapsed < 3.0 and 2 <= len(server.requests) <= 4  # 50 attempts would take 15 s


def test_a_gzip_bomb_is_refused_early_and_not_retried(monkeypatch, tmp_path):
    content = json.dumps(dict(GOOD, base_prompt="x" * 40_000_000))
    bomb = gzip.compress(json.dumps({"choices": [{"message": {"content": content}}]}).encode(), 9)
    assert len(bomb) < 200_000
    with FakeLLMServer([raw(bomb, **{"content-encoding": "gzip"})]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        tracemalloc.start()
        try:
            with pytest.raises(planner.ServiceUnavailableError, match="larger than") as info:
                plan_via(tmp_path, max_attempts=3)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert len(server.requests) == 1  # asking again would not help
    assert peak < 30_000_000  # the 40 MB answer was never held
    assert "\n" not in str(info.value)


def test_a_small_gzip_answer_is_read(monkeypatch, tmp_path):
    body = gzip.compress(json.dumps({"choices": [{"message": {"content": json.dumps(GOOD)}}]}).encode())
    with FakeLLMServer([raw(body, **{"content-encoding": "gzip"})]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(tmp_path)
    assert [r.label for r in plan.regions] == ["red backpack", "blue umbrella"]


def test_an_html_answer_is_named_and_saved(monkeypatch, tmp_path):
    page = b"<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
    with FakeLLMServer([raw(page, content_type="text/html")]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(planner.ServiceUnavailableError, match="text/html, not a chat completion") as info:
            plan_via(tmp_path)
    text = saved_text(str(info.value))
    assert "502 Bad Gateway" in text and "no response received" not in text


def test_invalid_json_with_a_json_content_type_is_named(monkeypatch, tmp_path):
    with FakeLLMServer([raw(b"{'not': json")]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(planner.ServiceUnavailableError, match="not a chat completion") as info:
            plan_via(tmp_path)
    assert "{'not': json" in saved_text(str(info.value))


@pytest.mark.parametrize("key", [API_KEY + "\n", " " + API_KEY, API_KEY[:5] + "\t" + API_KEY[5:]])
def test_a_key_with_whitespace_names_the_cause(monkeypatch, key):
    monkeypatch.setenv("OPENAI_API_KEY", key)
    with pytest.raises(InputError, match="OPENAI_API_KEY .*(newline|whitespace)") as info:
        planner.make_plan(PROMPT, planner="openai")
    assert API_KEY not in str(info.value)


def test_a_key_in_the_base_url_is_never_shown(monkeypatch, tmp_path):
    import socket

    with socket.socket() as sock:  # nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://me:{API_KEY}@127.0.0.1:{port}/{API_KEY}/v1?key={API_KEY}")
    with pytest.raises(planner.ServiceUnavailableError) as info:
        plan_via(tmp_path, max_attempts=1)
    message = str(info.value)
    assert API_KEY not in message and f"127.0.0.1:{port}" in message
    assert "ConnectError" in message  # the cause is named, not a bare "Connection error"
    assert API_KEY not in saved_text(message)


def test_an_answer_echoing_the_key_never_reaches_the_plan(monkeypatch, tmp_path):
    echo = json.loads(json.dumps(GOOD))
    echo["regions"][0]["prompt"] = f"a red backpack, key {API_KEY}"
    echo["base_prompt"] = f"{PROMPT} {API_KEY}"
    with FakeLLMServer([answer(echo)]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        plan = plan_via(tmp_path)
    assert API_KEY not in plan.to_json() and "[redacted]" in plan.regions[0].prompt
