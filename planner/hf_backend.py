"""The `hf` backend: a local transformers causal LM with JSON-Schema-constrained decoding.

The model is asked through its chat template; xgrammar masks the logits so the output always
parses as the plan's content schema (with length caps, so generation ends). torch, transformers
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

    def __post_init__(self) -> None:
        xgr = _require_xgrammar()
        vocab_size = getattr(self.model.config, "vocab_size", None) or len(self.tokenizer)
        info = xgr.TokenizerInfo.from_huggingface(self.tokenizer, vocab_size=vocab_size)
        self._compiler = xgr.GrammarCompiler(info)
        self._xgr = xgr
        self._compiled: dict[str, Any] = {}

    def _grammar(self, schema: dict[str, Any]) -> Any:
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

    def __call__(self, messages: list[Message], schema: dict[str, Any]) -> str:
        """Generate one schema-constrained answer (greedy, so it is deterministic)."""
        import torch
        from xgrammar.contrib.hf import LogitsProcessor

        max_regions = min(
            self.limits.max_regions, schema.get("properties", {}).get("regions", {}).get("maxItems", 16)
        )
        bounded = content_json_schema(max_regions, self.limits)
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)
        inputs = {k: v.to(self.model.device) for k, v in inputs.items()}
        budget = self.max_new_tokens or self._token_budget(max_regions)
        eos = self.tokenizer.eos_token_id
        with torch.no_grad():
            output = self.model.generate(
                **inputs,
                max_new_tokens=budget,
                do_sample=False,
                logits_processor=[LogitsProcessor(self._grammar(bounded))],
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
) -> Any:
    """make_plan's hf path over an already-loaded (model, tokenizer) pair (used by tests)."""
    from planner.llm_plan import plan_with_chat
    from planner.raw_log import RawResponseLog
    from planner.templates import PromptTemplates

    chat = HFChat(model, tokenizer, limits=limits or SchemaLimits(), max_new_tokens=max_new_tokens)
    return plan_with_chat(
        chat,
        prompt,
        width=width,
        height=height,
        max_regions=max_regions,
        templates=PromptTemplates(templates_dir),
        max_repairs=max_repairs,
        raw_log=RawResponseLog(raw_response_dir),
    )
