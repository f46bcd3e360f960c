"""The `hf` backend: a local transformers causal LM with JSON-Schema-constrained decoding.

The model is asked through its chat template; xgrammar masks the logits so the output always
parses as the answer contract (`planner.content.content_model` with the region cap and length
caps, so generation ends); generation also stops at the answer's time budget. torch, transformers
and xgrammar are imported here only, lazily. Models load from a hub id or a local path; with
HF_HUB_OFFLINE set (or no network) nothing is downloaded silently.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from typing import Any

from planner.content import SchemaLimits, content_json_schema
from planner.errors import PlannerError
from planner.templates import Message

log = logging.getLogger("planner")

DEFAULT_HF_MODEL = "Qwen/Qwen2.5-1.5B-Instruct"
INSTALL_HINT = "pip install regional-flux[hf]"


def _require_xgrammar() -> Any:
    try:
        import xgrammar
    except ImportError:
        raise PlannerError(
            f"the hf backend needs xgrammar for constrained decoding: {INSTALL_HINT}"
        ) from None
    return xgrammar


def default_model_cached(model_id: str = DEFAULT_HF_MODEL) -> bool:
    """Whether the model's config, tokenizer and weights are in the Hugging Face cache (never downloads)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False

    def cached(name: str) -> bool:
        return isinstance(try_to_load_from_cache(model_id, name), str)

    weights = cached("model.safetensors") or cached("model.safetensors.index.json")
    return cached("config.json") and cached("tokenizer_config.json") and weights


def cuda_available() -> bool:
    """Whether torch sees a CUDA GPU (imports torch: call it last)."""
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def local_model_unusable() -> str | None:
    """Why `auto` cannot plan with the default local model (None: it can): nothing is downloaded.

    The checks run cheapest first, so a machine without the model never imports torch here.
    """
    import importlib.util

    if importlib.util.find_spec("xgrammar") is None or importlib.util.find_spec("transformers") is None:
        return f"no local planner installed ({INSTALL_HINT})"
    if not default_model_cached():
        return f"the local model {DEFAULT_HF_MODEL} is not in the Hugging Face cache"
    if not cuda_available():
        return "no CUDA GPU for the local model"
    return None


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}


def load_model(model_id: str | None) -> tuple[Any, Any]:
    """Load (model, tokenizer) from a local path or a hub id.

    The default model (model_id None) is used only when it is already on disk; a hub id the user
    names is downloaded only when HF_HUB_OFFLINE is unset. A missing model is a PlannerError.
    """
    _require_xgrammar()
    from transformers import AutoModelForCausalLM, AutoTokenizer

    is_default = model_id is None
    model_id = model_id or DEFAULT_HF_MODEL
    is_dir = os.path.isdir(os.path.expanduser(model_id))
    local_only = _offline() or is_dir or is_default
    path = os.path.expanduser(model_id) if is_dir else model_id
    if not local_only:
        log.info("loading %s from the Hugging Face Hub (downloads it if it is not cached)", model_id)
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=local_only)
        model = AutoModelForCausalLM.from_pretrained(path, local_files_only=local_only, dtype="auto")
    except (OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if is_default:
            hint = " (the default model is used only when already downloaded: pass llm_model)"
        elif local_only and not is_dir:
            hint = " (HF_HUB_OFFLINE is set: download it first or give a local path)"
        else:
            hint = ""
        raise PlannerError(f"cannot load the hf model {model_id!r}{hint}: {first[:200]}") from None
    model.eval()
    return model, tokenizer


@dataclass
class HFChat:
    """Callable chat backend over a loaded (model, tokenizer) pair."""

    model: Any
    tokenizer: Any
    limits: SchemaLimits = SchemaLimits()
    max_new_tokens: int | None = None
    timeout_s: float | None = None

    def __post_init__(self) -> None:
        xgr = _require_xgrammar()
        vocab_size = getattr(self.model.config, "vocab_size", None) or len(self.tokenizer)
        info = xgr.TokenizerInfo.from_huggingface(self.tokenizer, vocab_size=vocab_size)
        self._compiler = xgr.GrammarCompiler(info)
        self._xgr = xgr
        self._compiled: dict[str, Any] = {}

    def grammar(self, max_regions: int) -> Any:
        """The compiled grammar of the answer contract with at most `max_regions` regions (and the length caps)."""
        schema = content_json_schema(max_regions, self.limits)
        key = json.dumps(schema, sort_keys=True)
        if key not in self._compiled:  # properties keep their order: base prompt first, label before box
            self._compiled[key] = self._compiler.compile_json_schema(json.dumps(schema), any_whitespace=False)
        return self._compiled[key]

    def _token_budget(self, max_regions: int) -> int:
        """Enough tokens for the longest answer the capped schema allows.

        A character may take up to 4 byte-level tokens; numbers and punctuation add ~100 a region.
        """
        limits = self.limits
        per_region = 4 * (limits.label_chars + limits.prompt_chars) + 100
        return 4 * (limits.base_chars + limits.prompt_chars) + 100 + max_regions * per_region

    def __call__(self, messages: list[Message], max_regions: int) -> str:
        """Generate one grammar-constrained answer (greedy, so it is deterministic)."""
        import torch
        from xgrammar.contrib.hf import LogitsProcessor

        max_regions = max(0, min(self.limits.max_regions, max_regions))
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)
        inputs = {k: v.to(self.model.device) for k, v in inputs.items()}
        budget = self.max_new_tokens or self._token_budget(max_regions)
        eos = self.tokenizer.eos_token_id
        deadline = {"max_time": self.timeout_s} if self.timeout_s else {}
        with torch.no_grad():
            output = self.model.generate(
                **inputs,
                **deadline,
                max_new_tokens=budget,
                do_sample=False,
                logits_processor=[LogitsProcessor(self.grammar(max_regions))],
                eos_token_id=eos,
                pad_token_id=self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else eos,
            )
        new_tokens = output[0, inputs["input_ids"].shape[1] :]
        return self.tokenizer.decode(new_tokens, skip_special_tokens=True)


def plan_with_hf_model(
    model: Any,
    tokenizer: Any,
    prompt: str,
    *,
    width: int = 1024,
    height: int = 1024,
    max_regions: int = 16,
    templates_dir: str | os.PathLike[str] | None = None,
    max_repairs: int = 2,
    raw_response_dir: str | os.PathLike[str] | None = None,
    limits: SchemaLimits | None = None,
    max_new_tokens: int | None = None,
    timeout_s: float | None = None,
    critic: bool = True,
) -> Any:
    """make_plan's hf path over an already-loaded (model, tokenizer) pair (used by tests)."""
    from planner.llm_plan import plan_with_chat
    from planner.raw_log import RawResponseLog
    from planner.templates import PromptTemplates

    chat = HFChat(
        model, tokenizer, limits=limits or SchemaLimits(), max_new_tokens=max_new_tokens, timeout_s=timeout_s
    )
    return plan_with_chat(
        chat,
        prompt,
        width=width,
        height=height,
        max_regions=max_regions,
        templates=PromptTemplates(templates_dir),
        max_repairs=max_repairs,
        raw_log=RawResponseLog(raw_response_dir),
        critic=critic,
    )
