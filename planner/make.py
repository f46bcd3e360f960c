"""make_plan: one long prompt in, one validated Plan out, from the backend the caller picks."""

from __future__ import annotations

from pathlib import Path

from planner.plan import MAX_REGIONS, Plan, PlanError, validate_plan

BACKENDS = ("auto", "openai", "hf", "rules")


def resolve_backend(backend: str) -> str:
    """The concrete backend for `backend`: 'auto' is openai when OPENAI_API_KEY or OPENAI_BASE_URL is set."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown planner backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    if backend != "auto":
        return backend
    from planner.openai_backend import openai_credentials

    api_key, base_url = openai_credentials()
    return "openai" if (api_key or base_url) else "rules"


def _check_request(prompt: str, width: int, height: int, max_regions: int, max_repairs: int = 0) -> None:
    if not isinstance(prompt, str) or not prompt.strip():
        raise ValueError("the prompt is empty: describe the image to plan")
    if max_regions < 0:
        raise ValueError(f"max_regions must be 0 or more, got {max_regions}")
    if max_repairs < 0:
        raise ValueError(f"max_repairs must be 0 or more, got {max_repairs}")
    try:
        validate_plan({"base_prompt": "size check", "width": width, "height": height})
    except PlanError as exc:
        raise ValueError(str(exc).replace("invalid plan: ", "")) from None


def make_plan(
    prompt: str,
    *,
    backend: str = "auto",
    llm_model: str | None = None,
    width: int = 1024,
    height: int = 1024,
    max_regions: int = MAX_REGIONS,
    templates_dir: str | Path | None = None,
    max_attempts: int = 3,
    timeout_s: float = 60.0,
    max_repairs: int = 2,
    raw_response_dir: str | Path | None = None,
) -> Plan:
    """Plan `prompt` into base/background prompts and boxed regions, validated as a Plan.

    backend: 'auto' (openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else rules), 'openai',
    'hf' (local transformers model, needs the [hf] extra) or 'rules' (offline, no model).
    max_attempts/timeout_s bound the retries of one answer; max_repairs bounds how often an invalid
    answer is sent back with its errors. Failures raise PlanningFailedError or
    ServiceUnavailableError, naming the file (in raw_response_dir, else the temp folder) that holds
    the last raw response.
    """
    name = resolve_backend(backend)
    _check_request(prompt, width, height, max_regions, max_repairs)
    if name == "rules":
        from planner.rules import plan_with_rules

        return plan_with_rules(prompt, width=width, height=height, max_regions=max_regions)

    from planner.llm_plan import plan_with_chat
    from planner.raw_log import RawResponseLog
    from planner.templates import PromptTemplates

    templates = PromptTemplates(templates_dir)
    raw_log = RawResponseLog(raw_response_dir)
    if name == "openai":
        from planner.openai_backend import DEFAULT_OPENAI_MODEL, OpenAIChat, RetryPolicy

        chat = OpenAIChat(
            model=llm_model or DEFAULT_OPENAI_MODEL,
            retry=RetryPolicy(max_attempts=max_attempts, timeout_s=timeout_s),
            raw_log=raw_log,
        )
    else:
        from planner.hf_backend import HFChat, load_model

        model, tokenizer = load_model(llm_model)
        chat = HFChat(model, tokenizer)
    return plan_with_chat(
        chat,
        prompt,
        width=width,
        height=height,
        max_regions=max_regions,
        templates=templates,
        max_repairs=max_repairs,
        raw_log=raw_log,
    )
