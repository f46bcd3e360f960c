"""Where a model comes from, checked in a second before anything loads: a local folder, the
Hugging Face cache, or the hub.

Without this check a hub id that is not cached, on a machine with no network, costs 25-30 s of
retries inside huggingface_hub before an unhelpful error, and a typo ('tinyy') reads as "needs a
CUDA GPU". `check_model_source` instead fails at once with one line that says which of these it
is and what to pass instead: a local folder that does not exist, text that is not a hub id, a
hub id that is not in the local cache while offline (HF_HUB_OFFLINE, or the hub cannot be
reached), or a hub id the hub does not know. Torch-free.
"""

from __future__ import annotations

import difflib
import logging
from pathlib import Path

from renderer.errors import ModelUnavailableError
from renderer.settings import DEFAULT_MODEL, TINY_MODEL

PROBE_TIMEOUT_S = 10.0
PIPELINE_INDEX = "model_index.json"
MODEL_CONFIG = "config.json"

logger = logging.getLogger(__name__)


def _looks_like_path(model: str) -> bool:
    """Text written as a path: a hub id is `name` or `owner/name`, never more parts or a prefix."""
    return model.startswith((".", "/", "~")) or "\\" in model or model.count("/") > 1 or model[1:2] == ":"


def _hint(model: str, flag: str) -> str:
    known = [name for name in (TINY_MODEL, DEFAULT_MODEL) if name != model]
    close = difflib.get_close_matches(model, known, n=1, cutoff=0.75)
    suggestion = f"; did you mean {close[0]!r}?" if close else ""
    return f"pass a local folder ({flag} /path/to/folder), or '{TINY_MODEL}' for the built-in test model{suggestion}"


def check_model_source(
    model: str,
    *,
    what: str = "model",
    flag: str = "--model",
    index_file: str = PIPELINE_INDEX,
    ask_hub: bool = True,
) -> None:
    """Return when `model` is a local folder, is in the Hugging Face cache, or the hub knows it;
    otherwise raise ModelUnavailableError with one line saying why and what to pass instead.

    `index_file` is the file that marks the model in the cache (`model_index.json` for a
    pipeline, `config.json` for a single model such as a ControlNet). A name without an owner
    ('tinyy') that is neither a folder nor cached is refused as a typo. An `owner/name` id that
    is not cached is looked up on the hub (with `ask_hub`, unless HF_HUB_OFFLINE is set), with a
    short timeout and no retries; without `ask_hub` only the local checks run.
    """
    if model == TINY_MODEL or Path(model).expanduser().is_dir():
        return
    if _looks_like_path(model):
        raise ModelUnavailableError(f"{what} folder {model!r} not found")
    from huggingface_hub import constants, try_to_load_from_cache
    from huggingface_hub.errors import HFValidationError

    try:
        cached = try_to_load_from_cache(model, index_file)
    except HFValidationError:
        raise ModelUnavailableError(
            f"{what} {model!r} is neither a local folder nor a Hugging Face hub id (owner/name): {_hint(model, flag)}"
        ) from None
    if isinstance(cached, str):
        return
    if "/" not in model:  # FLUX models are owner/name: this is a folder that is not there, or a typo
        raise ModelUnavailableError(
            f"{what} {model!r} is not a local folder and not a model in the local Hugging Face cache: "
            f"{_hint(model, flag)}"
        )
    if not ask_hub:
        return
    if constants.HF_HUB_OFFLINE:
        raise ModelUnavailableError(
            f"{what} {model!r} is not a local folder and not in the local Hugging Face cache, and "
            f"HF_HUB_OFFLINE is set (no network): download it first (hf download {model}), or {_hint(model, flag)}"
        )
    _ask_the_hub(model, what, flag)


def _ask_the_hub(model: str, what: str, flag: str) -> None:
    """One short request to the hub (no retries): unknown repo or no network fail here, at once."""
    from huggingface_hub import model_info
    from huggingface_hub.errors import GatedRepoError, HfHubHTTPError, RepositoryNotFoundError

    try:
        model_info(model, timeout=PROBE_TIMEOUT_S)
    except GatedRepoError:  # exists; loading says what access it needs
        return
    except RepositoryNotFoundError:
        raise ModelUnavailableError(
            f"{what} {model!r}: no such Hugging Face hub id (or it is private: log in with `hf auth login`); "
            f"{_hint(model, flag)}"
        ) from None
    except HfHubHTTPError as exc:  # gated, rate limited, ...: loading says what it needs
        logger.debug("hub answered for %s: %s", model, exc)
    except Exception as exc:  # no network: DNS, connection refused, timeout
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ModelUnavailableError(
            f"{what} {model!r} is not in the local Hugging Face cache and the hub cannot be reached "
            f"(no network: {reason}): {_hint(model, flag)}"
        ) from None
