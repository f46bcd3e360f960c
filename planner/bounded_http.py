"""An HTTP client for the openai backend whose answers are bounded in time and in size.

httpx's timeouts apply to each read, so a server that trickles one byte a second is never cut
off, and httpx inflates gzip bodies without a cap. This transport wraps the normal one: each
answer body is read against a total deadline (the request's timeout, which the backend sets to
what is left of the answer's time budget) and decompressed by the transport itself with a cap
on the decoded size, so an answer that would inflate to gigabytes is refused after the cap.
Only gzip, deflate and identity encodings are asked for and accepted.

It is built on the httpx flavour the installed openai client uses (httpx, or httpx2 in newer
releases), found from `openai.DefaultHttpxClient`.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

MAX_ANSWER_BYTES = 2 * 1024 * 1024  # a 16-region plan is about 10 kB
ACCEPTED_ENCODINGS = "gzip, deflate"


def _http_module(openai: Any) -> Any:
    """The httpx-like module behind the installed openai client."""
    for klass in openai.DefaultHttpxClient.__mro__:
        if klass.__name__ == "Client" and klass.__module__.split(".")[0] != "openai":
            return sys.modules[klass.__module__.split(".")[0]]
    raise RuntimeError("cannot tell which httpx the openai client uses")


def _decoder(encoding: str, room: int, too_large: Callable[[], Exception]) -> Callable[[bytes], bytes] | None:
    """A function inflating one chunk at a time, raising too_large() past `room` bytes in all."""
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    else:
        return None
    produced = 0

    def decode(chunk: bytes) -> bytes:
        nonlocal produced
        parts, data = [], chunk
        while data:
            if inflate is None:
                part, data = data, b""
            else:
                part = inflate.decompress(data, room - produced + 1)  # at most one byte past the cap
                data = inflate.unconsumed_tail
            produced += len(part)
            if produced > room:
                raise too_large()
            parts.append(part)
        return b"".join(parts)

    return decode


def bounded_http_client(openai: Any, max_bytes: int = MAX_ANSWER_BYTES) -> Any:
    """An openai-ready http client whose every answer has a total deadline and a decoded-size cap.

    Errors raised while reading carry `final = True` when retrying cannot help (too large, or an
    encoding we do not read).
    """
    http = _http_module(openai)

    def refused(message: str) -> Exception:
        error = http.ReadError(message)
        error.final = True
        return error

    class BoundedStream(http.SyncByteStream):
        def __init__(self, raw: Any, decode: Callable[[bytes], bytes], deadline: float | None, total: float):
            self.raw, self.decode, self.deadline, self.total = raw, decode, deadline, total

        def __iter__(self) -> Iterator[bytes]:
            for chunk in self.raw:
                if self.deadline is not None and time.monotonic() > self.deadline:
                    raise http.ReadTimeout(f"the answer took longer than {self.total:g} s in total")
                yield self.decode(chunk)

        def close(self) -> None:
            close = getattr(self.raw, "close", None)
            if close is not None:
                close()

    class BoundedTransport(http.BaseTransport):
        def __init__(self) -> None:
            self.inner = http.HTTPTransport()

        def handle_request(self, request: Any) -> Any:
            start = time.monotonic()
            timeout = (request.extensions.get("timeout") or {}).get("read")
            deadline = start + timeout if timeout else None
            request.headers["accept-encoding"] = ACCEPTED_ENCODINGS
            response = self.inner.handle_request(request)
            encoding = response.headers.get("content-encoding", "identity").strip().lower()

            def too_large() -> Exception:
                return refused(f"the answer is larger than {max_bytes // 1024} kB (decoded): refused")

            decode = _decoder(encoding, max_bytes, too_large)
            if decode is None:
                response.close()
                raise refused(f"the server answered with content-encoding {encoding!r}, which is not read")
            headers = [
                (key, value)
                for key, value in response.headers.raw
                if key.lower() not in (b"content-encoding", b"content-length")
            ]
            return http.Response(
                status_code=response.status_code,
                headers=headers,
                stream=BoundedStream(response.stream, decode, deadline, timeout or 0.0),
                extensions=response.extensions,
            )

        def close(self) -> None:
            self.inner.close()

    return openai.DefaultHttpxClient(transport=BoundedTransport())
