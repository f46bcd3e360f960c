"""The `openai` backend: any OpenAI-compatible chat server through the official client.

The client is built with max_retries=0; this module's tenacity loop does all retrying, so one
attempt is one request. Transient failures (429, 5xx, 408/409, timeouts, dropped connections) are
retried with exponential backoff, honouring Retry-After, bounded by the attempt count and by one
total deadline per answer (`RetryPolicy.timeout_s`: attempts, waits, format fallbacks and reading
the body all count; see planner.bounded_http for the body's deadline and size cap). Structured
outputs (json_schema, generated from the answer contract with the region cap) are tried first;
when the server rejects the response format (a 400/422), the backend falls back to JSON mode and
then to plain text. The API key never reaches a message or a file: it is blanked out of errors,
raw responses and answers, and a base URL is shown without its credentials or query.
`openai` is imported lazily so `import planner` stays light.
"""

from __future__ import annotations

import email.utils
import logging
import os
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tenacity import Retrying, retry_if_exception, stop_after_attempt

from planner.bounded_http import bounded_http_client
from planner.content import content_json_schema
from planner.errors import InputError, PlannerError, ServiceUnavailableError
from planner.make import ANSWER_TIMEOUT_S
from planner.raw_log import RawResponseLog
from planner.templates import Message

log = logging.getLogger("planner")

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
RESPONSE_MODES = ("json_schema", "json_object", "text")
_TRANSIENT_STATUS = {408, 409, 429}
_FORMAT_STATUS = {400, 422}


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try for one answer: attempts, total seconds (the deadline), and the backoff between attempts."""

    max_attempts: int = 3
    timeout_s: float = ANSWER_TIMEOUT_S
    wait_initial_s: float = 1.0
    wait_max_s: float = 16.0


class _FormatRejected(Exception):
    """The server refused the response_format of the current mode."""


class _TemperatureRejected(Exception):
    """The server refused temperature=0 (some reasoning models); ask again without it."""


def openai_credentials() -> tuple[str | None, str | None]:
    """(api_key, base_url) from the environment; empty values count as unset."""
    return os.environ.get("OPENAI_API_KEY") or None, os.environ.get("OPENAI_BASE_URL") or None


def _check_credential(name: str, value: str | None) -> None:
    """A key or URL with whitespace or control characters cannot go into an HTTP header: say so."""
    if value and (value != value.strip() or any(c.isspace() or ord(c) < 32 for c in value)):
        where = "ends with a newline or space" if value != value.rstrip() else "contains whitespace"
        raise InputError(
            f"{name} {where} (or control characters): set it without them, "
            f"e.g. export {name}=\"$(tr -d '[:space:]' < key-file)\""
        )


def url_secrets(url: str) -> list[str]:
    """The parts of a URL that may be secret: its password, user name and query values.

    Values under 6 characters are left out: blanking "me" or "1" everywhere would garble messages
    (the URL itself is never shown with its credentials or query, see shown_url).
    """
    parts = urllib.parse.urlsplit(url)
    found = [parts.password or "", parts.username or ""]
    found += [value for _, value in urllib.parse.parse_qsl(parts.query)]
    return [s for s in found if len(s) >= 6]


def shown_url(url: str, secrets: list[str]) -> str:
    """The URL without credentials or query, and with every secret blanked out."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    text = urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return text


def _status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None)


def _retry_after_s(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms or Retry-After), if it said."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class OpenAIChat:
    """Callable chat backend: `chat(messages, schema) -> answer text`."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_OPENAI_MODEL,
        retry: RetryPolicy | None = None,
        raw_log: RawResponseLog,
        api_key: str | None = None,
        base_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import openai

        env_key, env_url = openai_credentials()
        api_key = api_key or env_key
        base_url = base_url or env_url
        if api_key is None and base_url is None:
            raise PlannerError(
                "the openai backend needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)"
            )
        _check_credential("OPENAI_API_KEY", api_key)
        _check_credential("OPENAI_BASE_URL", base_url)
        self.retry = retry or RetryPolicy()
        self.model = model
        self.raw_log = raw_log
        raw_log.secrets.extend([s for s in [api_key, *url_secrets(base_url or "")] if s])
        self.where = shown_url(base_url, raw_log.secrets) if base_url else "the OpenAI API"
        self.sleep = sleep
        self.mode = RESPONSE_MODES[0]
        self.send_temperature = True
        self.requests = 0
        self._openai = openai
        self.client = openai.OpenAI(
            api_key=api_key or "no-key-needed",
            base_url=base_url,
            max_retries=0,
            timeout=self.retry.timeout_s,
            http_client=bounded_http_client(openai),
        )
        self.completions = self.client.chat.completions  # its lazy imports happen now, not within a deadline

    # ------------------------------------------------------------------ public
    def __call__(self, messages: list[Message], max_regions: int) -> str:
        """One answer from the model within the deadline, falling back through response modes as needed."""
        schema = content_json_schema(max_regions)
        deadline = time.monotonic() + self.retry.timeout_s
        while True:
            try:
                return self._answer_with_retries(messages, schema, deadline)
            except _TemperatureRejected as exc:
                log.info("server rejected temperature=0 (%s); asking with the default temperature", exc)
            except _FormatRejected as exc:
                next_index = RESPONSE_MODES.index(self.mode) + 1
                if next_index >= len(RESPONSE_MODES):
                    raise self._unavailable(f"the server rejected the request: {exc}") from None
                log.info(
                    "server rejected response_format %s (%s); trying %s",
                    self.mode,
                    exc,
                    RESPONSE_MODES[next_index],
                )
                self.mode = RESPONSE_MODES[next_index]

    # ----------------------------------------------------------------- helpers
    def _describe(self, exc: BaseException) -> str:
        status = _status(exc)
        text = " ".join(str(getattr(exc, "message", None) or exc).split())
        if isinstance(exc, self._openai.APITimeoutError):
            text = f"no complete answer within the deadline of {self.retry.timeout_s:g} s (--timeout)"
        cause = exc.__cause__
        if cause is not None and str(cause).strip() and str(cause) not in text:
            text += f" ({type(cause).__name__}: {' '.join(str(cause).split())})"
        text = self.raw_log.redact(text)[:300]
        return f"{type(exc).__name__}{f' {status}' if status else ''}: {text}"

    def _unavailable(self, reason: str) -> ServiceUnavailableError:
        path = self.raw_log.save(note=f"planner: {reason}")
        return ServiceUnavailableError(
            f"could not get an answer from {self.where}: {reason}; last raw response saved to {path}"
        )

    def _is_transient(self, exc: BaseException) -> bool:
        openai = self._openai
        if getattr(exc.__cause__, "final", False):
            return False  # an answer too large, or in an encoding we do not read: asking again won't help
        if isinstance(exc, (openai.APIConnectionError, openai.InternalServerError)):
            return True
        status = _status(exc)
        return status is not None and (status in _TRANSIENT_STATUS or status >= 500)

    def _wait(self, retry_state: Any) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        hinted = _retry_after_s(exc) if exc is not None else None
        if hinted is not None:
            return hinted
        backoff = self.retry.wait_initial_s * 2 ** (retry_state.attempt_number - 1)
        return min(self.retry.wait_max_s, backoff)

    def _answer_with_retries(self, messages: list[Message], schema: dict[str, Any], deadline: float) -> str:
        def past_deadline(retry_state: Any) -> bool:
            upcoming = getattr(retry_state, "upcoming_sleep", 0.0) or 0.0
            return time.monotonic() + upcoming >= deadline

        if time.monotonic() >= deadline:
            raise self._unavailable(f"no answer within {self.retry.timeout_s:g} s")
        retrying = Retrying(
            stop=stop_after_attempt(max(1, self.retry.max_attempts)) | past_deadline,
            wait=self._wait,
            retry=retry_if_exception(self._is_transient),
            sleep=self.sleep,
            reraise=True,
        )
        try:
            return retrying(self._request_once, messages, schema, deadline)
        except (_FormatRejected, _TemperatureRejected):
            raise
        except self._openai.OpenAIError as exc:
            attempts = retrying.statistics.get("attempt_number", 1)
            reason = self._describe(exc)
            if self._is_transient(exc):
                reason = f"{reason} (after {attempts} attempt{'s' if attempts > 1 else ''})"
            raise self._unavailable(reason) from None

    def _request_once(self, messages: list[Message], schema: dict[str, Any], deadline: float) -> str:
        openai = self._openai
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages}
        if self.send_temperature:
            kwargs["temperature"] = 0
        if self.mode == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "plan_content", "schema": schema, "strict": True},
            }
        elif self.mode == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        self.requests += 1
        remaining = max(0.1, deadline - time.monotonic())
        try:
            raw = self.completions.with_raw_response.create(**kwargs, timeout=remaining)
        except openai.APIStatusError as exc:
            self.raw_log.remember(self.raw_log.redact(f"HTTP {exc.status_code}: {exc.response.text}"))
            if (
                exc.status_code in _FORMAT_STATUS
                and self.send_temperature
                and "temperature" in str(exc).lower()
            ):
                self.send_temperature = False  # some models only take their default temperature
                raise _TemperatureRejected(self._describe(exc)) from None
            if exc.status_code in _FORMAT_STATUS and self.mode != "text":
                raise _FormatRejected(self._describe(exc)) from None
            raise
        except openai.OpenAIError as exc:
            self.raw_log.remember(f"no response: {self._describe(exc)}")
            raise
        body = raw.http_response.text
        try:
            message = raw.parse().choices[0].message
        except (AttributeError, IndexError, TypeError, ValueError):
            content_type = raw.http_response.headers.get("content-type", "no content type")
            self.raw_log.remember(
                self.raw_log.redact(f"HTTP {raw.http_response.status_code} ({content_type}):\n{body}")
            )
            raise self._unavailable(
                f"the server answered with {content_type}, not a chat completion "
                f"(is the base URL right? OpenAI-compatible servers usually end in /v1)"
            ) from None
        return message.content or getattr(message, "refusal", None) or ""
