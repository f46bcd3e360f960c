"""Which model-dependent defaults apply, read from the model's config before or after it loads.

The rule itself (a FLUX transformer without a guidance embedding is timestep-distilled like
FLUX.1-schnell: 4 steps, guidance 0, 256 T5 tokens, inject steps scaled to the schedule) lives
with the settings, in `renderer.settings.model_rule_defaults`. This module finds the facts it
needs: the transformer's `guidance_embeds` and the T5 tokenizer's length, from a loaded pipeline,
a local folder or the Hugging Face cache. The model is recognised by its config, not its name.

These dicts feed `resolve_settings(..., model_defaults=...)`, below explicit values and a plan's
`render` object. Torch-free: reading a model's config from a folder or the Hugging Face cache
needs only json (and huggingface_hub for the cache).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from renderer.settings import DEFAULT_MODEL, TINY_MODEL, model_rule_defaults

TRANSFORMER_CONFIG = "transformer/config.json"
T5_TOKENIZER_CONFIG = "tokenizer_2/tokenizer_config.json"

logger = logging.getLogger(__name__)


def defaults_from_config(
    transformer_config: Mapping[str, Any], t5_limit: int | None = None
) -> dict[str, Any]:
    """Model defaults for a FLUX transformer config; `t5_limit` is the T5 tokenizer's max length if known.

    Returns {} for guidance-distilled models (FLUX.1-dev), whose defaults are the plain ones.
    """
    return model_rule_defaults(bool(transformer_config.get("guidance_embeds", True)), t5_limit)


def pipeline_model_defaults(pipe: Any) -> dict[str, Any]:
    """Model defaults for a loaded pipeline, read from `pipe.transformer.config` and its T5 tokenizer."""
    config = getattr(getattr(pipe, "transformer", None), "config", None) or {}
    limit = getattr(getattr(pipe, "tokenizer_2", None), "model_max_length", None)
    return defaults_from_config(dict(config), limit if isinstance(limit, int) else None)


def model_defaults_for(model: str, *, allow_download: bool = False) -> dict[str, Any]:
    """Model defaults for a model name before it is loaded: "tiny", a local folder, or a hub id.

    Reads only small config files: from the folder, or from the Hugging Face cache (and, with
    `allow_download`, from the hub; never weights). When a config cannot be read, returns {}
    (the plain defaults); `pipeline_model_defaults` on the loaded pipeline is the final word.
    """
    return _lookup(model, allow_download) or {}


def _lookup(model: str, allow_download: bool) -> dict[str, Any] | None:
    """Model defaults from the model's config files; None when no config could be read."""
    if model == TINY_MODEL:
        return {}  # the tiny model has FLUX.1-dev's guidance embedding
    folder = Path(model).expanduser()
    if folder.is_dir():
        config = _read_json(folder / TRANSFORMER_CONFIG)
        tokenizer = _read_json(folder / T5_TOKENIZER_CONFIG)
    else:
        config = _read_json(_hub_file(model, TRANSFORMER_CONFIG, allow_download))
        tokenizer = _read_json(_hub_file(model, T5_TOKENIZER_CONFIG, allow_download)) if config else None
    if config is None:
        return None
    limit = (tokenizer or {}).get("model_max_length")
    return defaults_from_config(config, limit if isinstance(limit, int) else None)


def model_defaults_before_loading(
    model: str | None, *, pipe: Any = None, plan_only: bool = False, device: Any = None
) -> dict[str, Any]:
    """Model defaults for a run that may load `model` (or uses `pipe`), known before any weights load.

    A loaded `pipe` answers from its transformer. Otherwise the model's config files are read
    from a folder or the Hugging Face cache; a hub config is downloaded (a small JSON file) only
    when the weights are about to be loaded anyway: not for plan-only runs, and not when real
    weights would be refused (no CUDA device and none given).
    """
    if pipe is not None:
        return pipeline_model_defaults(pipe)
    model = model or DEFAULT_MODEL
    found = _lookup(model, allow_download=False)
    if found is not None or plan_only or Path(model).expanduser().is_dir():
        return found or {}
    if device is None and not _cuda_available():
        return {}
    return model_defaults_for(model, allow_download=True)


def _cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


def _hub_file(repo_id: str, filename: str, allow_download: bool) -> Path | None:
    """A file of a hub repo from the local cache (or downloaded when allowed); None if unavailable."""
    try:
        from huggingface_hub import hf_hub_download

        return Path(hf_hub_download(repo_id, filename, local_files_only=not allow_download))
    except Exception as exc:  # offline, gated, not a repo id, not cached: fall back to plain defaults
        logger.debug("no %s for %s: %s", filename, repo_id, exc)
        return None


def _read_json(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
