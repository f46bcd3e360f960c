"""An HTTP client for the openai backend whose answers are bounded in time and in size.

httpx's timeouts apply to each read, so a server that trickles one byte a second is never cut
off, and httpx inflates gzip bodies without a cap. This transport wraps the normal one: every
socket read and write of a request (status line, headers and body) is clamped to a total deadline
(the request's timeout, which the backend sets to what is left of the answer's time budget), and
the body is decompressed by the transport itself with a cap on the decoded size, so an answer that
would inflate to gigabytes is refused after the cap. Only gzip, deflate and identity encodings are
asked for and accepted. (The socket-level clamp wraps the connection pool's network backend, a
private attribute of httpx's transport; where it is missing, the body is still read against the
deadline.)

It is built on the httpx flavour the installed openai client uses (httpx, or httpx2 in newer
releases), found from `openai.DefaultHttpxClient`.
"""

from __future__ import annotations

import contextvars
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

MAX_ANSWER_BYTES = 2 * 1024 * 1024  # a 16-region plan is about 10 kB
ACCEPTED_ENCODINGS = "gzip, deflate"


# The deadline of the request this thread is sending; set by the transport for one request only.
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("answer_deadline", default=None)


class _DeadlineStream:
    """A network stream whose reads and writes end by the current request's deadline."""

    def __init__(self, stream: Any, timeout_error: type[Exception]) -> None:
        self._stream = stream
        self._timeout_error = timeout_error

    def _left(self, timeout: float | None) -> float | None:
        deadline = _deadline.get()
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise self._timeout_error("the answer took longer than its total deadline")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._left(timeout))

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._left(timeout))
        return _DeadlineStream(tls, self._timeout_error)

    def __getattr__(self, name: str) -> Any:  # close, get_extra_info
        return getattr(self._stream, name)


class _DeadlineBackend:
    """A network backend (httpcore's) whose streams are _DeadlineStreams."""

    def __init__(self, backend: Any, timeout_error: type[Exception]) -> None:
        self._backend = backend
        self._timeout_error = timeout_error

    def connect_tcp(self, *args: Any, **kwargs: Any) -> _DeadlineStream:
        return _DeadlineStream(self._backend.connect_tcp(*args, **kwargs), self._timeout_error)

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> _DeadlineStream:
        return _DeadlineStream(self._backend.connect_unix_socket(*args, **kwargs), self._timeout_error)

    def __getattr__(self, name: str) -> Any:  # sleep
        return getattr(self._backend, name)


def _clamp_sockets(transport: Any) -> None:
    """Make every socket read and write of `transport` honour the request's deadline, if we can reach them."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    core = sys.modules.get(type(pool).__module__.split(".")[0]) if pool is not None else None
    if backend is not None and core is not None and hasattr(core, "ReadTimeout"):
        pool._network_backend = _DeadlineBackend(backend, core.ReadTimeout)


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


def _release(token: Any) -> None:
    """Forget the request's deadline (once; a second close is harmless)."""
    try:
        _deadline.reset(token)
    except (ValueError, RuntimeError):
        pass


def _refused(http: Any, message: str) -> Exception:
    """A read error marked `final`: retrying the request cannot help (too large, unread encoding)."""
    error = http.ReadError(message)
    error.final = True
    return error


def _plain_headers(response: Any) -> list[tuple[bytes, bytes]]:
    """The response's raw headers without those of the encoded body, which the transport decodes itself."""
    return [
        (key, value)
        for key, value in response.headers.raw
        if key.lower() not in (b"content-encoding", b"content-length")
    ]


def _stream_class(http: Any) -> type:
    """The body stream for `http`: decodes each chunk and ends the read at the request's deadline."""

    class BoundedStream(http.SyncByteStream):
        def __init__(
            self, raw: Any, decode: Callable[[bytes], bytes], deadline: float | None, total: float, token: Any
        ):
            self.raw, self.decode, self.deadline, self.total = raw, decode, deadline, total
            self.token = token

        def __iter__(self) -> Iterator[bytes]:
            for chunk in self.raw:
                if self.deadline is not None and time.monotonic() > self.deadline:
                    raise http.ReadTimeout(f"the answer took longer than {self.total:g} s in total")
                yield self.decode(chunk)

        def close(self) -> None:
            try:
                close = getattr(self.raw, "close", None)
                if close is not None:
                    close()
            finally:
                _release(self.token)

    return BoundedStream


def _transport_class(http: Any, max_bytes: int) -> type:
    """The transport for `http`: sets each request's deadline and hands back a bounded, decoded body."""
    stream_class = _stream_class(http)

    class BoundedTransport(http.BaseTransport):
        def __init__(self) -> None:
            self.inner = http.HTTPTransport()
            _clamp_sockets(self.inner)

        def handle_request(self, request: Any) -> Any:
            start = time.monotonic()
            timeout = (request.extensions.get("timeout") or {}).get("read")
            deadline = start + timeout if timeout else None
            request.headers["accept-encoding"] = ACCEPTED_ENCODINGS
            token = _deadline.set(deadline)  # until the body is closed
            try:
                response = self.inner.handle_request(request)
            except BaseException:
                _release(token)
                raise
            encoding = response.headers.get("content-encoding", "identity").strip().lower()

            def too_large() -> Exception:
                return _refused(http, f"the answer is larger than {max_bytes // 1024} kB (decoded): refused")

            decode = _decoder(encoding, max_bytes, too_large)
            if decode is None:
                response.close()
                _release(token)
                raise _refused(
                    http, f"the server answered with content-encoding {encoding!r}, which is not read"
                )
            return http.Response(
                status_code=response.status_code,
                headers=_plain_headers(response),
                stream=stream_class(response.stream, decode, deadline, timeout or 0.0, token),
                extensions=response.extensions,
            )

        def close(self) -> None:
            self.inner.close()

    return BoundedTransport


def bounded_http_client(openai: Any, max_bytes: int = MAX_ANSWER_BYTES) -> Any:
    """An openai-ready http client whose every answer has a total deadline and a decoded-size cap.

    Errors raised while reading carry `final = True` when retrying cannot help (too large, or an
    encoding we do not read).
    """
    transport_class = _transport_class(_http_module(openai), max_bytes)
    return openai.DefaultHttpxClient(transport=transport_class())
