"""The plan editor in a real browser: headless Chromium drives the page on the tiny model.

Type the quick-start prompt, plan, drag the boat to the other side, render, download plan.json
and image.png: the boat's box moved in the file, and the image's metadata holds the same plan.
Needs the [ui] extra, selenium and Debian's `chromium` + `chromium-driver` (.ci/run installs
them); no browser is downloaded at run time. Set REGIONAL_FLUX_UI_SCREENSHOT=path.png to keep a
screenshot of the page after the render (the README's picture is made this way).
"""

import json
import os
import shutil
import socket
import time
from pathlib import Path

import pytest

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

pytest.importorskip("gradio", reason="the [ui] extra is not installed: pip install -e '.[ui]'")
pytest.importorskip(
    "gradio_image_annotation", reason="the [ui] extra is not installed: pip install -e '.[ui]'"
)
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed: pip install -e '.[test]'"
)

from selenium.common.exceptions import ElementClickInterceptedException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

from renderer.metadata import read_metadata  # noqa: E402
from renderer.ui import UiConfig, launch  # noqa: E402
from renderer.workflow import plan_and_render  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip(
        "no headless browser: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

PROMPT = (
    "A quiet fishing harbour at dawn in soft pastel light. On the left stands an old white lighthouse "
    "with a red lantern room. On the right a small blue fishing boat floats beside the pier, and two "
    "seagulls glide in the pink sky above it."
)
SIZE = 256
STEPS = 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def page(tmp_path_factory, tiny_pipe):
    """The page on 127.0.0.1 with the tiny model, 256 x 256 and 2 steps; closed afterwards."""
    out = tmp_path_factory.mktemp("ui-out")
    config = UiConfig(
        model="tiny",
        out=out,
        planner="rules",
        width=SIZE,
        height=SIZE,
        settings={"steps": STEPS},
        pipe=tiny_pipe,
    )
    port = _free_port()
    app = launch(config, host="127.0.0.1", port=port, prevent_thread_lock=True)
    try:
        yield f"http://127.0.0.1:{port}/", out
    finally:
        app.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium whose downloads land in a folder of their own."""
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,1500"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(DRIVER), options=options)
    driver.implicitly_wait(60)  # the page builds itself after it loads
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver, downloads
    finally:
        driver.quit()


def _click(driver, by: str, what: str, timeout: float = 60) -> None:
    """Click an element once nothing covers it (Gradio shows a translucent overlay while it is busy)."""
    end = time.monotonic() + timeout
    while True:
        try:
            driver.find_element(by, what).click()
            return
        except ElementClickInterceptedException:
            if time.monotonic() > end:
                raise
            time.sleep(0.3)


def _status(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#status").text


def _wait_status(driver, words: str, timeout: float = 120) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = _status(driver)
        if words in text:
            return text
        time.sleep(0.2)
    raise AssertionError(f"the page never said {words!r}; it says {_status(driver)!r}")


def _download(driver, folder: Path, name: str) -> Path:
    _click(driver, By.CSS_SELECTOR, f'#files a[download="{name}"]')
    target = folder / name
    end = time.monotonic() + 30
    while time.monotonic() < end:
        if target.is_file() and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return target
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded")


def _grab_point(plan, index: int) -> tuple[float, float]:
    """A point (fractions) inside region `index`'s box and outside every other box."""
    x0, y0, x1, y1 = plan.regions[index].box
    others = [r.box for i, r in enumerate(plan.regions) if i != index]
    for fy in (0.5, 0.7, 0.85, 0.3):
        for fx in (0.5, 0.3, 0.7):
            x, y = x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)
            if not any(a <= x <= c and b <= y <= d for a, b, c, d in others):
                return x, y
    raise AssertionError("every point of the box is covered by another box")


def _drag(driver, canvas, start: tuple[float, float], shift: float) -> None:
    """Drag from a point of the picture (fractions) by `shift` of its width, in small moves as a hand does."""
    rect = canvas.rect
    scale = min(rect["width"], rect["height"]) / SIZE
    left = (rect["width"] - SIZE * scale) / 2
    top = (rect["height"] - SIZE * scale) / 2
    x = left + start[0] * SIZE * scale - rect["width"] / 2
    y = top + start[1] * SIZE * scale - rect["height"] / 2
    step = shift * SIZE * scale / 10
    chain = ActionChains(driver).move_to_element_with_offset(canvas, round(x), round(y)).click_and_hold()
    for _ in range(10):
        chain = chain.move_by_offset(round(step), 0)
    chain.release().perform()


def test_plan_drag_render_and_download_in_a_real_browser(page, browser):
    url, out = page
    driver, downloads = browser
    driver.get(url)
    _click(driver, By.CSS_SELECTOR, "#plan-button")  # no prompt yet
    assert "type a prompt first" in _wait_status(driver, "type a prompt first")

    driver.find_element(By.CSS_SELECTOR, "#prompt textarea").send_keys(PROMPT)
    _click(driver, By.CSS_SELECTOR, "#plan-button")
    _wait_status(driver, "planned")
    planned = plan_and_render(PROMPT, plan_only=True, planner="rules", width=SIZE, height=SIZE).plan
    boat = next(i for i, r in enumerate(planned.regions) if "boat" in r.label)
    x0, _, x1, _ = planned.regions[boat].box
    assert (x0 + x1) / 2 > 0.58 and x0 > 0.3  # the planner put it on the right
    shift = -round(x0 - 0.05, 2)  # drag it to the left edge

    canvas = driver.find_element(By.CSS_SELECTOR, "#canvas canvas")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    _drag(driver, canvas, _grab_point(planned, boat), shift=shift)
    _wait_status(driver, "updated from the canvas")
    _click(driver, By.CSS_SELECTOR, "#render-button")
    _wait_status(driver, "rendered", timeout=300)
    if os.environ.get("REGIONAL_FLUX_UI_SCREENSHOT"):
        _keep_screenshot(driver, Path(os.environ["REGIONAL_FLUX_UI_SCREENSHOT"]))

    plan = json.loads(_download(driver, downloads, "plan.json").read_text())
    moved = plan["regions"][boat]["box"]
    before = planned.regions[boat].box
    assert moved[0] == pytest.approx(before[0] + shift, abs=0.03)  # dropped on the other side
    assert moved[2] - moved[0] == pytest.approx(before[2] - before[0], abs=0.01)  # same size
    assert moved[1] == pytest.approx(before[1], abs=0.01)
    others = [r["box"] for i, r in enumerate(plan["regions"]) if i != boat]
    assert others == [list(r.box) for i, r in enumerate(planned.regions) if i != boat]
    assert plan["render"] == {"steps": STEPS, "model": "tiny"}

    image = _download(driver, downloads, "image.png")
    found = read_metadata(image)
    assert json.loads(found.plan.to_json())["regions"] == plan["regions"]
    assert (found.settings.steps, found.model) == (STEPS, "tiny")
    (saved,) = [p for p in out.iterdir() if (p / "image.png").is_file()]
    assert (saved / "image.png").read_bytes() == image.read_bytes()  # the download is the saved file
    assert (saved / "plan.json").read_bytes() == (downloads / "plan.json").read_bytes()

    driver.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys(str(image))
    _wait_status(driver, "loaded image.png")  # continue from the image: its plan and settings are back
    _click(driver, By.CSS_SELECTOR, "#settings .label-wrap")
    assert driver.find_element(By.CSS_SELECTOR, "#set-steps input").get_attribute("value") == str(STEPS)


def _keep_screenshot(driver, path: Path) -> None:
    """A small PNG of the page (halved, 96 colours) for the README."""
    import io

    from PIL import Image

    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.5)
    shot = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    shot = shot.resize((shot.width // 2, shot.height // 2), Image.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    shot.quantize(colors=96).save(path, optimize=True)
