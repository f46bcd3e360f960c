"""make_plan: one long prompt in, one validated Plan out, from the planner the caller picks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import InputError
from planner.plan import MAX_REGIONS, Plan, PlanError, validate_plan

if TYPE_CHECKING:
    from planner.llm_plan import ChatBackend
    from planner.raw_log import RawResponseLog

PLANNERS = ("auto", "openai", "hf", "rules")
ANSWER_TIMEOUT_S = 60.0  # the total deadline of one LLM answer (attempts, waits, reading)


@dataclass(frozen=True)
class PlannerChoice:
    """The planner that will run, and why (for the one line the CLI prints)."""

    name: str
    reason: str

    def line(self) -> str:
        """e.g. 'planner: rules (no OPENAI_API_KEY or OPENAI_BASE_URL, and no CUDA GPU for the local model)'."""
        return f"planner: {self.name} ({self.reason})"


def choose_planner(planner: str = "auto") -> PlannerChoice:
    """The concrete planner for `planner`, with the reason.

    'auto' is openai when OPENAI_API_KEY or OPENAI_BASE_URL is set; else hf when a CUDA GPU is
    present and the default local model is already in the Hugging Face cache (auto never starts a
    download); else rules.
    """
    if planner not in PLANNERS:
        raise InputError(f"unknown planner {planner!r}: choose one of {', '.join(PLANNERS)}")
    if planner != "auto":
        return PlannerChoice(planner, "asked for")
    from planner.openai_backend import openai_credentials

    api_key, base_url = openai_credentials()
    if api_key:
        return PlannerChoice("openai", "auto: OPENAI_API_KEY is set")
    if base_url:
        return PlannerChoice("openai", "auto: OPENAI_BASE_URL is set")
    from planner.hf_backend import DEFAULT_HF_MODEL, local_model_unusable

    why_not = local_model_unusable()
    if why_not is None:
        return PlannerChoice(
            "hf", f"auto: no OpenAI key, a CUDA GPU and {DEFAULT_HF_MODEL} in the local cache"
        )
    return PlannerChoice("rules", f"auto: no OPENAI_API_KEY or OPENAI_BASE_URL, and {why_not}")


def _check_request(prompt: str, width: int, height: int, max_regions: int, max_repairs: int = 0) -> None:
    if not isinstance(prompt, str) or not prompt.strip():
        raise InputError("the prompt is empty: describe the image to plan")
    if max_regions < 0:
        raise InputError(f"max_regions must be 0 or more, got {max_regions}")
    if max_repairs < 0:
        raise InputError(f"max_repairs must be 0 or more, got {max_repairs}")
    try:
        validate_plan({"base_prompt": "size check", "width": width, "height": height})
    except PlanError as exc:
        raise InputError(str(exc).replace("invalid plan: ", "")) from None


def _chat_backend(
    name: str, llm_model: str | None, max_attempts: int, timeout_s: float, raw_log: RawResponseLog
) -> ChatBackend:
    """The chat backend of LLM planner `name` ('openai' or 'hf'), imported only when it is used."""
    if name == "openai":
        from planner.openai_backend import DEFAULT_OPENAI_MODEL, OpenAIChat, RetryPolicy

        return OpenAIChat(
            model=llm_model or DEFAULT_OPENAI_MODEL,
            retry=RetryPolicy(max_attempts=max_attempts, timeout_s=timeout_s),
            raw_log=raw_log,
        )
    from planner.hf_backend import HFChat, load_model

    model, tokenizer = load_model(llm_model)
    return HFChat(model, tokenizer, timeout_s=timeout_s)


def make_plan(
    prompt: str,
    *,
    planner: str = "auto",
    llm_model: str | None = None,
    width: int = 1024,
    height: int = 1024,
    max_regions: int = MAX_REGIONS,
    templates_dir: str | Path | None = None,
    max_attempts: int = 3,
    timeout_s: float = ANSWER_TIMEOUT_S,
    max_repairs: int = 2,
    raw_response_dir: str | Path | None = None,
    critic: bool = True,
) -> Plan:
    """Plan `prompt` into base/background prompts and boxed regions, validated as a Plan.

    planner: 'auto' (see `choose_planner`), 'openai', 'hf' (local transformers model, needs the
    [hf] extra) or 'rules' (offline, no model). The same keyword as `plan_and_render(planner=)`.
    timeout_s is the total deadline of one LLM answer (attempts, waits and reading included);
    max_attempts bounds the requests for one answer; max_repairs bounds how often an answer goes
    back to the model, with its validation errors or with the critic's findings (`critic=False`
    skips the critic); when repairs run out, the valid plan with the fewest findings is returned
    (`planner.critic.critique(plan)` lists what still disagrees). Failures raise
    PlanningFailedError or ServiceUnavailableError, naming the file (in raw_response_dir, else the
    temp folder) that holds the last raw response.
    """
    name = choose_planner(planner).name
    _check_request(prompt, width, height, max_regions, max_repairs)
    if name == "rules":
        from planner.rules import plan_with_rules

        return plan_with_rules(prompt, width=width, height=height, max_regions=max_regions)

    from planner.llm_plan import plan_with_chat
    from planner.raw_log import RawResponseLog
    from planner.templates import PromptTemplates

    templates = PromptTemplates(templates_dir)
    raw_log = RawResponseLog(raw_response_dir)
    return plan_with_chat(
        _chat_backend(name, llm_model, max_attempts, timeout_s, raw_log),
        prompt,
        width=width,
        height=height,
        max_regions=max_regions,
        templates=templates,
        max_repairs=max_repairs,
        raw_log=raw_log,
        critic=critic,
    )
