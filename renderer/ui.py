"""A plan editor in the browser: type a prompt, see and drag the boxes, render, keep the plan.

    plan-and-render --ui --model tiny          # or: python -m renderer.ui --model tiny

Starts a local Gradio page (127.0.0.1 unless --host, --port or --share say otherwise). The page
plans a prompt with the same planners as the CLI, shows the plan as coloured boxes on a canvas
(move, resize, add, delete) next to a table of label / prompt / box that stays in step, lets
every render setting be set (the form is built from the settings model), shows the critic's
findings, renders with the model chosen at start (one render at a time, with a progress bar and
a cancel button) and saves every plan and render under --out as the CLI does. Bad input is a
message on the page, never a traceback. Needs the optional extra: pip install "regional-flux[ui]".
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.errors import InputError, PlannerError
from planner.make import PLANNERS
from planner.plan import MAX_REGIONS, Plan
from renderer.errors import RenderError
from renderer.ui_critic import critic_findings
from renderer.ui_plan import (
    COLUMNS,
    Loaded,
    canvas_boxes,
    canvas_picture,
    plan_from_page,
    read_upload,
    rows_from_canvas,
    rows_from_plan,
)
from renderer.ui_render import Renderer
from renderer.ui_settings import SettingField, check_settings, setting_fields
from renderer.workflow import plan_and_render

log = logging.getLogger("renderer.ui")

DEFAULT_HOST = "127.0.0.1"
UNSET = ""  # a choice left at "default"
INSTALL_HINT = 'the browser editor needs gradio: pip install "regional-flux[ui]"'

CSS = """
#status {min-height: 2.2em}
#status .error {color: #b42318; font-weight: 600}
#status .ok {color: #067647}
#critic ul {margin: 0; padding-left: 1.2em}
footer {display: none !important}
"""


@dataclass(frozen=True)
class UiConfig:
    """What the page is started with: the model and output folder, the CLI's planner options, and
    what the page first shows (a prompt, a size, chosen settings, or a plan from a file)."""

    model: str
    out: Path
    device: str | None = None
    dtype: str | None = None
    offload: str | None = None
    planner: str = "auto"
    llm_model: str | None = None
    templates: str | None = None
    prompt: str = ""
    width: int = Plan.model_fields["width"].default
    height: int = Plan.model_fields["height"].default
    settings: dict[str, Any] = field(default_factory=dict)
    start: Loaded | None = None
    pipe: Any = None  # a pipeline loaded already; else `model` loads on the first render


def require_gradio():
    """(gradio, the canvas component); ImportError saying how to install them when they are missing."""
    try:
        import gradio
        from gradio_image_annotation import image_annotator
    except ImportError as exc:
        raise ImportError(f"{INSTALL_HINT} ({exc.name} is missing)") from None
    return gradio, image_annotator


# ------------------------------------------------------------------ messages
def _ok(text: str) -> str:
    return f'<span class="ok">{_escape(text)}</span>'


def _error(text: str) -> str:
    return f'<span class="error">{_escape(text)}</span>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def error_message(exc: BaseException) -> str:
    """One line for the page: our own errors as they are, anything else with its type."""
    text = " ".join(str(exc).split())
    if isinstance(exc, InputError | PlannerError | RenderError):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def critic_text(plan: Plan | None) -> str:
    """The critic's findings as Markdown (or why there are none to show)."""
    if plan is None:
        return "_Plan a prompt to see the critic's findings._"
    try:
        findings = critic_findings(plan)
    except Exception as exc:  # the critic must never take the page down
        log.exception("critic failed")
        return f"_The critic failed: {_escape(error_message(exc))}_"
    if not findings:
        return "No findings: the plan matches its prompt as far as the critic can tell."
    return "\n".join(f"- {_escape(message)}" for message in findings)


# ------------------------------------------------------------------ the settings form
def _choice_value(spec: SettingField, text: Any) -> Any:
    """A choice's value from its text; for a "number or name" field, typed digits are a number."""
    if text in (UNSET, None):
        return None
    text = str(text).strip()
    if spec.kind == "number or name" and text.isdigit():
        return int(text)
    return next((c for c in spec.choices if str(c) == text), text)


def form_settings(specs: Sequence[SettingField], values: Sequence[Any]) -> dict[str, Any]:
    """The settings form's values by name (empty = not chosen), validated like the CLI's flags."""
    raw = {}
    for spec, value in zip(specs, values, strict=True):
        if spec.choices:
            raw[spec.name] = _choice_value(spec, value)
        elif value is None or value == "":
            raw[spec.name] = None
        elif spec.kind == "int" and float(value) == int(value):
            raw[spec.name] = int(value)
        else:
            raw[spec.name] = float(value) if spec.kind == "float" else value
    return check_settings(raw)


def form_values(specs: Sequence[SettingField], settings: dict[str, Any]) -> list[Any]:
    """What the settings form shows for these chosen settings (empty where none was chosen)."""
    out = []
    for spec in specs:
        value = settings.get(spec.name)
        out.append((UNSET if value is None else str(value)) if spec.choices else value)
    return out


# ------------------------------------------------------------------ the page
@dataclass
class _PlanPanel:
    """The left column: the prompt and planning options, the canvas and the regions table."""

    prompt: Any
    planner: Any
    max_regions: Any
    width: Any
    height: Any
    plan_button: Any
    canvas: Any
    table: Any


@dataclass
class _SidePanel:
    """The right column: the base and background prompts, the critic, the settings form, the
    buttons, the rendered pictures and the files."""

    base_prompt: Any
    background: Any
    critic: Any
    fields: list[Any]
    render_button: Any
    cancel_button: Any
    save_button: Any
    image: Any
    overlay: Any
    files: Any
    upload: Any


def build_app(config: UiConfig):
    """The Gradio Blocks of the plan editor (not launched)."""
    gr, image_annotator = require_gradio()
    renderer = Renderer(config.model, config.out, config.device, config.dtype, config.offload, config.pipe)
    specs = setting_fields()

    with gr.Blocks(title="regional-flux plan editor") as app:
        gr.Markdown(
            f"## regional-flux plan editor\nPlan a prompt, drag the boxes, render with **{config.model}**. "
            f"Every plan and render is saved under `{config.out}`."
        )
        status = gr.HTML(elem_id="status")
        with gr.Row(equal_height=False):
            left = _plan_panel(gr, image_annotator, config)
            right = _side_panel(gr, config, specs)
        show = _plan_shower(specs, status, left, right)
        _wire_planning(config, status, left, right, show)
        _wire_rendering(gr, renderer, specs, status, left, right, show)
        if config.start is not None:
            start = config.start
            app.load(
                _guarded(status)(lambda: show(start, "loaded the plan given at start")),
                None,
                [*_shown(left, right), status],
            )
    return app


def _plan_panel(gr, image_annotator, config: UiConfig) -> _PlanPanel:
    """The left column (scale 3): prompt, planner, region limit, size, Plan button, canvas, table."""
    with gr.Column(scale=3):
        prompt = gr.Textbox(
            label="prompt",
            lines=3,
            value=config.prompt,
            elem_id="prompt",
            placeholder="describe the picture",
        )
        with gr.Row():
            planner = gr.Dropdown(list(PLANNERS), value=config.planner, label="planner", elem_id="planner")
            max_regions = gr.Number(MAX_REGIONS, label="max regions", precision=0, minimum=0)
            width = gr.Number(config.width, label="width", precision=0, elem_id="width")
            height = gr.Number(config.height, label="height", precision=0, elem_id="height")
            plan_button = gr.Button("Plan", variant="primary", elem_id="plan-button")
        canvas = image_annotator(
            label="layout: drag a box to move it, its corners to resize; draw to add one",
            image_type="pil",
            sources=None,
            show_download_button=False,
            show_clear_button=False,
            show_remove_button=True,
            boxes_alpha=0.35,
            handle_size=10,
            box_thickness=3,
            elem_id="canvas",
        )
        table = gr.Dataframe(
            headers=COLUMNS,
            datatype=["str", "str", "number", "number", "number", "number"],
            type="array",
            column_count=len(COLUMNS),
            interactive=True,
            wrap=True,
            column_widths=["16%", "48%", "9%", "9%", "9%", "9%"],
            label="regions (boxes as fractions of width and height, origin top left)",
            elem_id="regions",
        )
    return _PlanPanel(prompt, planner, max_regions, width, height, plan_button, canvas, table)


def _side_panel(gr, config: UiConfig, specs: Sequence[SettingField]) -> _SidePanel:
    """The right column (scale 2): prompts, critic, settings, buttons, pictures, files and upload."""
    with gr.Column(scale=2):
        base_prompt = gr.Textbox(label="base prompt (the whole scene)", lines=2, elem_id="base-prompt")
        background = gr.Textbox(
            label="background prompt (where no box is; empty = the base prompt)", elem_id="background"
        )
        with gr.Group():
            gr.Markdown("**critic**", padding=True)
            critic = gr.Markdown(critic_text(None), elem_id="critic", padding=True)
        fields = _settings_form(gr, specs, config.settings)
        with gr.Row():
            render_button = gr.Button("Render", variant="primary", elem_id="render-button")
            cancel_button = gr.Button("Cancel", variant="stop", elem_id="cancel-button")
            save_button = gr.Button("Save plan", elem_id="save-button")
        image, overlay = _pictures(gr)
        files = gr.File(label="files (download)", file_count="multiple", interactive=False, elem_id="files")
        upload = gr.File(
            label="continue from a plan.json or an image.png made by this tool",
            file_types=[".json", ".png"],
            height=120,
            elem_id="upload",
        )
    return _SidePanel(
        base_prompt,
        background,
        critic,
        fields,
        render_button,
        cancel_button,
        save_button,
        image,
        overlay,
        files,
        upload,
    )


def _settings_form(gr, specs: Sequence[SettingField], settings: dict[str, Any]) -> list[Any]:
    """The closed 'render settings' accordion: one field per setting, filled from `settings`."""
    with gr.Accordion("render settings (empty = default)", open=False, elem_id="settings"):
        return [
            _setting_component(gr, spec, value)
            for spec, value in zip(specs, form_values(specs, settings), strict=True)
        ]


def _pictures(gr) -> tuple[Any, Any]:
    """The rendered image and its overlay, one tab each."""
    with gr.Tabs():
        with gr.Tab("image"):
            image = gr.Image(label="image", type="pil", format="png", interactive=False, elem_id="image")
        with gr.Tab("overlay"):
            overlay = gr.Image(label="overlay", type="pil", format="png", interactive=False)
    return image, overlay


def _page_inputs(left: _PlanPanel, right: _SidePanel) -> list[Any]:
    """The fields a plan is read from (before the settings fields)."""
    return [left.prompt, right.base_prompt, right.background, left.width, left.height, left.table]


def _shown(left: _PlanPanel, right: _SidePanel) -> list[Any]:
    """The fields a plan is shown in (the settings fields last)."""
    return [
        right.base_prompt,
        right.background,
        left.width,
        left.height,
        left.table,
        left.canvas,
        right.critic,
        *right.fields,
    ]


def _plan_shower(
    specs: Sequence[SettingField], status, left: _PlanPanel, right: _SidePanel
) -> Callable[..., dict]:
    """The page update that shows a plan (see `show`)."""

    def show(loaded: Loaded, message: str, with_settings: bool = True) -> dict:
        """The page for a plan; the settings form too when the plan came with settings (a file)."""
        plan = loaded.plan
        rows = rows_from_plan(plan)
        values = {
            right.base_prompt: plan.base_prompt,
            right.background: plan.background_prompt,
            left.width: plan.width,
            left.height: plan.height,
            left.table: rows,
            left.canvas: _canvas(plan.width, plan.height, rows),
            right.critic: critic_text(plan),
            status: _ok(message),
        }
        if with_settings:
            values.update(zip(right.fields, form_values(specs, loaded.settings), strict=True))
        return values

    return show


def _wire_planning(config: UiConfig, status, left: _PlanPanel, right: _SidePanel, show) -> None:
    """Plan a prompt (button or Enter) and keep canvas, table and critic in step as either is edited."""
    table, canvas, critic = left.table, left.canvas, right.critic

    @_guarded(status)
    def do_plan(prompt_text: str, backend: str, limit: Any, w: Any, h: Any) -> dict:
        if not (prompt_text or "").strip():
            raise InputError("type a prompt first: the description of the picture")
        planned = plan_and_render(
            prompt_text,
            plan_only=True,
            planner=backend,
            llm_model=config.llm_model,
            width=_whole(w),
            height=_whole(h),
            max_regions=MAX_REGIONS if limit is None else _whole(limit),
            planner_options={"templates_dir": config.templates} if config.templates else None,
        )
        count = len(planned.plan.regions)
        return show(Loaded(planned.plan), f"planned {count} region{'s' if count != 1 else ''}", False)

    @_guarded(status)
    def canvas_changed(value: dict | None, rows, prompt_text, base, back, w, h) -> dict:
        if not value or not isinstance(value.get("boxes"), list) or value.get("image") is None:
            return {}
        picture = value["image"]
        old_rows = _rows(rows)
        new_rows = rows_from_canvas(old_rows, value["boxes"], picture.width, picture.height)
        if new_rows == old_rows:  # the canvas was redrawn from the table: nothing new
            return {}
        plan = plan_from_page(prompt_text, base, back, w, h, new_rows)
        return {table: new_rows, critic: critic_text(plan), status: _ok("plan updated from the canvas")}

    @_guarded(status)
    def table_edited(rows, prompt_text, base, back, w, h) -> dict:
        rows = _rows(rows)
        updates = {canvas: _canvas(_size(w), _size(h), rows)}
        plan = plan_from_page(prompt_text, base, back, w, h, rows)
        return {**updates, critic: critic_text(plan), status: _ok("plan updated")}

    planning = [left.prompt, left.planner, left.max_regions, left.width, left.height]
    shown = [*_shown(left, right), status]
    plan_fields = [table, left.prompt, right.base_prompt, right.background, left.width, left.height]
    left.plan_button.click(do_plan, planning, shown)
    left.prompt.submit(do_plan, planning, shown)
    canvas.change(canvas_changed, [canvas, *plan_fields], [table, critic, status])
    table.input(table_edited, plan_fields, [canvas, critic, status])
    for size in (left.width, left.height):
        size.blur(table_edited, plan_fields, [canvas, critic, status])


def _wire_rendering(
    gr, renderer: Renderer, specs: Sequence[SettingField], status, left: _PlanPanel, right: _SidePanel, show
) -> None:
    """Render (one at a time, with a progress bar), cancel, save the plan, and continue from an upload."""

    def current(prompt_text, base, back, w, h, rows, *settings) -> tuple[Plan, dict[str, Any]]:
        plan = plan_from_page(prompt_text, base, back, w, h, _rows(rows))
        return plan, form_settings(specs, settings)

    @_guarded(status)
    def do_render(*values, progress=gr.Progress()) -> dict:  # noqa: B008 (Gradio's way to ask for a bar)
        plan, settings = current(*values)
        progress(0, desc="loading the model")

        def on_step(done: int, total: int) -> None:
            progress((done, total), desc="denoising", unit="steps")

        result, folder = renderer.render(plan, settings, on_step)
        return {
            right.image: result.image,
            right.overlay: result.overlay,
            right.files: _files(folder),
            status: _ok(f"rendered: saved in {folder}"),
        }

    @_guarded(status)
    def do_save(*values) -> dict:
        plan, settings = current(*values)
        folder = renderer.save_plan(plan, settings)
        return {right.files: _files(folder), status: _ok(f"plan saved in {folder}")}

    @_guarded(status)
    def do_upload(path: str | None) -> dict:
        if not path:
            return {}
        loaded = read_upload(path)
        return show(loaded, f"loaded {Path(path).name}")

    def do_cancel() -> dict:
        renderer.cancel()
        return {status: _ok("cancelling after the current step...")}

    form = [*_page_inputs(left, right), *right.fields]
    right.render_button.click(
        do_render,
        form,
        [right.image, right.overlay, right.files, status],
        concurrency_limit=1,
        concurrency_id="render",
        show_progress="full",
    )
    right.cancel_button.click(do_cancel, None, [status], queue=False)
    right.save_button.click(do_save, form, [right.files, status])
    right.upload.upload(do_upload, [right.upload], [*_shown(left, right), status])


def _setting_component(gr, spec: SettingField, value: Any):
    """One form field for a setting: a number box (empty = default) or a list of choices."""
    if spec.choices:
        choices = [(f"default ({spec.default})", UNSET)] + [(str(c), str(c)) for c in spec.choices]
        return gr.Dropdown(
            choices,
            value=value,
            label=spec.title,
            info=spec.describe(),
            allow_custom_value=spec.kind == "number or name",
            elem_id=f"set-{spec.name}",
        )
    return gr.Number(
        value,
        label=spec.title,
        info=spec.describe(),
        precision=0 if spec.kind == "int" else None,
        elem_id=f"set-{spec.name}",
    )


def _rows(rows: Any) -> list[list[Any]]:
    """Table rows as lists, without the blank rows a Dataframe may hold."""
    if rows is None:
        return []
    if hasattr(rows, "values") and hasattr(rows, "columns"):  # a pandas DataFrame
        rows = rows.values.tolist()
    return [list(row) for row in rows if any(cell not in (None, "") for cell in row)]


def _whole(value: Any) -> int | None:
    """A number box's value as a whole number (None when empty); the plan model checks the range."""
    if value is None or value == "":
        return None
    if float(value) != int(float(value)):
        raise InputError(f"{value:g} is not a whole number")
    return int(float(value))


def _size(value: Any) -> int:
    try:
        return max(16, min(4096, int(value)))
    except (TypeError, ValueError):
        return 1024


def _canvas(width: int, height: int, rows: list[list[Any]]) -> dict[str, Any]:
    picture = canvas_picture(width, height)
    return {"image": picture, "boxes": canvas_boxes(rows, picture.width, picture.height)}


def _files(folder: Path) -> list[str]:
    names = ("plan.json", "image.png", "overlay.png", "layout.png")
    return [str(folder / name) for name in names if (folder / name).is_file()]


def _guarded(status) -> Callable[[Callable[..., dict]], Callable[..., dict]]:
    """Run a page handler so that any failure becomes a one-line message in `status`, never a traceback."""

    def wrap(handler: Callable[..., dict]) -> Callable[..., dict]:
        @functools.wraps(handler)
        def guarded(*args, **kwargs) -> dict:
            try:
                return handler(*args, **kwargs)
            except Exception as exc:
                if not isinstance(exc, InputError | PlannerError | RenderError):
                    log.exception("the page's handler %s failed", handler.__name__)
                return {status: _error(error_message(exc))}

        return guarded

    return wrap


# ------------------------------------------------------------------ start
def launch(
    config: UiConfig,
    *,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    share: bool = False,
    prevent_thread_lock: bool = False,
):
    """Build and start the page; returns the launched Blocks (close it with `.close()`)."""
    gr, _ = require_gradio()
    app = build_app(config)
    app.queue(default_concurrency_limit=1)
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=prevent_thread_lock,
        allowed_paths=[str(Path(config.out).resolve())],
        ssr_mode=False,
        css=CSS,
        theme=gr.themes.Soft(),
        quiet=prevent_thread_lock,
    )
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m renderer.ui [options]`: the same as `plan-and-render --ui [options]`."""
    from renderer.cli import main as cli_main

    return cli_main(["--ui", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
