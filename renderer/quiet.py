"""The libraries' chatter kept out of the user's way: the Python API is as quiet as the CLI.

diffusers, transformers and friends print warnings that are not about the user's input (a
torchvision fallback, token-length notices, deprecations) on import and while a pipeline loads
or runs. `quiet_libraries()` hides their log records below ERROR and the Python warnings they
issue, for the duration of one of our calls only, then restores everything. Errors are never
hidden: they are exceptions, and records at ERROR and above still show.

It stays out of the way when the user asked for more: a DIFFUSERS_VERBOSITY or
TRANSFORMERS_VERBOSITY variable, a library logger set to INFO or DEBUG, or (from the CLI's
--verbose) `library_chatter_shown()`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import warnings
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

QUIET_LOGGERS = (
    "diffusers",
    "transformers",
    "huggingface_hub",
    "torch",
    "httpx",
    "openai",
    "accelerate",
    "peft",
)
VERBOSITY_VARIABLES = ("DIFFUSERS_VERBOSITY", "TRANSFORMERS_VERBOSITY")
_LIBRARY_MODULES = r"(diffusers|transformers|huggingface_hub|torch|accelerate|peft|tokenizers)(\.|$)"

_shown: ContextVar[bool] = ContextVar("regional_flux_library_chatter_shown", default=False)

F = TypeVar("F", bound=Callable[..., Any])


@contextlib.contextmanager
def library_chatter_shown() -> Iterator[None]:
    """Within this block, `quiet_libraries` hides nothing (the CLI's --verbose)."""
    token = _shown.set(True)
    try:
        yield
    finally:
        _shown.reset(token)


def _asked_for_chatter() -> bool:
    if _shown.get() or any(os.environ.get(name) for name in VERBOSITY_VARIABLES):
        return True
    levels = (logging.getLogger(name).level for name in QUIET_LOGGERS)
    return any(logging.NOTSET < level < logging.WARNING for level in levels)


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """Hide the libraries' warnings and log records below ERROR for the block (see module docstring)."""
    if _asked_for_chatter():
        yield
        return
    variables = {name: "error" for name in VERBOSITY_VARIABLES}  # read when the libraries first load
    saved_variables = {name: os.environ.get(name) for name in variables}
    saved_levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    os.environ.update(variables)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=_LIBRARY_MODULES)
            yield
    finally:
        for name, value in saved_variables.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def quietly(function: F) -> F:
    """Decorate one of our public calls so that it runs inside `quiet_libraries()`."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        with quiet_libraries():
            return function(*args, **kwargs)

    return call  # type: ignore[return-value]
