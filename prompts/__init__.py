"""The planner's jinja2 templates and few-shot examples (data files beside this one)."""

from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent
