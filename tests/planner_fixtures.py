"""Test helpers for the planner: a scripted OpenAI-compatible server and a tiny random causal LM.

Only loopback addresses; nothing is downloaded.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, Any, dict[str, str]]


@dataclass(frozen=True)
class Raw:
    """A reply body sent as these bytes (not JSON-encoded), optionally one byte every `delay_s` seconds."""

    data: bytes
    content_type: str = "application/json"
    delay_s: float = 0.0


def raw(data: bytes, content_type: str = "application/json", status: int = 200, **headers: str) -> Step:
    """A step that answers with raw bytes (HTML, gzip, a trickle: see Raw)."""
    delay = float(headers.pop("delay_s", 0.0))
    return lambda request: (status, Raw(data, content_type, delay), dict(headers))


Step = Callable[[dict[str, Any]], Reply]


def completion(content: str, model: str = "test-model") -> dict[str, Any]:
    """A chat.completions response body carrying `content`."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def answer(content: str | dict[str, Any]) -> Step:
    """A step that answers with `content` (a dict is sent as JSON text)."""
    text = content if isinstance(content, str) else json.dumps(content)
    return lambda request: (200, completion(text), {})


def error(status: int, message: str = "boom", headers: dict[str, str] | None = None) -> Step:
    """A step that fails with an HTTP status and an OpenAI-style error body."""
    body = {"error": {"message": message, "type": "server_error", "code": None}}
    return lambda request: (status, body, headers or {})


def reject_response_format(then: Step) -> Step:
    """A step that answers 400 while the request carries response_format, else behaves as `then`."""

    def step(request: dict[str, Any]) -> Reply:
        if "response_format" in request:
            kind = request["response_format"].get("type")
            return error(400, f"response_format of type {kind} is not supported by this server")(request)
        return then(request)

    return step


class FakeLLMServer:
    """A ThreadingHTTPServer on 127.0.0.1 that plays a script of replies, one per request.

    When the script runs out the last step repeats. Every request body and its headers are
    recorded in `requests` / `headers`.
    """

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.raw_bodies: list[bytes] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (stdlib name)
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                request = json.loads(raw or b"{}")
                server.raw_bodies.append(raw)
                server.requests.append(request)
                server.headers.append({k.lower(): v for k, v in self.headers.items()})
                if not self.path.endswith("/chat/completions"):
                    status, body, headers = 404, {"error": {"message": "not found"}}, {}
                else:
                    index = min(len(server.requests) - 1, len(server.steps) - 1)
                    status, body, headers = server.steps[index](request)
                reply = body if isinstance(body, Raw) else Raw(json.dumps(body).encode())
                self.send_response(status)
                self.send_header("content-type", reply.content_type)
                self.send_header("content-length", str(len(reply.data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if not reply.delay_s:
                    self.wfile.write(reply.data)
                    return
                try:  # a trickle, until the client gives up
                    for i in range(len(reply.data)):
                        self.wfile.write(reply.data[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.delay_s)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FakeLLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def tiny_causal_lm(seed: int = 0) -> tuple[Any, Any]:
    """A random-weight Qwen2 causal LM with a byte-level BPE tokenizer and a chat template."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    alphabet = pre_tokenizers.ByteLevel.alphabet()
    special = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    vocab = {token: i for i, token in enumerate(special + sorted(alphabet))}
    backend = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"],
        # only what Qwen's own tokenizer returns: transformers 4.x would add token_type_ids
        model_input_names=["input_ids", "attention_mask"],
    )
    tokenizer.chat_template = (
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    )
    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(vocab),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=8192,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
    )
    model = Qwen2ForCausalLM(config).eval()
    return model, tokenizer
