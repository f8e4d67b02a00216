"""End to end in a real headless Chromium (Debian's chromium + chromium-driver, driven by selenium):
paste a plan, untick one action and see its dependent dropped, run, check the disk, undo after
seeing what it reverses, check the disk again; the Runs and Audit views, Verify, and the recovery
banner. Takes a screenshot of each view (docs/web-*.png when FILEAGENT_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path

import pytest
from test_web_cli import start_server, stop
from web_kit import MOVE_RENAME

from fileagent.policies import names

CHROMIUM = next(
    (
        p
        for p in (
            shutil.which("chromium"),
            shutil.which("chromium-browser"),
            "/usr/lib/chromium/chromium",
        )
        if p and os.path.exists(p)
    ),
    None,
)
DRIVER = shutil.which("chromedriver") or (
    "/usr/lib/chromium/chromedriver" if os.path.exists("/usr/lib/chromium/chromedriver") else None
)
DOCS = Path(__file__).resolve().parents[2] / "docs"
ODD = "<img src=x onerror=alert(1)>.pdf"  # a real file name that is also markup

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None or DRIVER is None,
        reason="no chromium / chromedriver on this machine (apt-get install -y chromium chromium-driver)",
    ),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.skipif(
        names.current().windows,
        reason="its file name is markup, and '<' '>' cannot be in a Windows name (refused under Windows rules)",
    ),
]


@pytest.fixture
def browser(tmp_path):
    pytest.importorskip("uvicorn")
    from selenium import webdriver  # the test extra: a missing selenium is an error
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1100,900",
        "--lang=en-US",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _cli_reading(root: Path, env: dict, request: str) -> tuple[bool, str]:
    """What the command line reads back for the request: `fileagent plan --json`, then that plan
    through `fileagent apply --json` (preview only); or the error line where it cannot plan it."""
    import io

    from fileagent.cli.fast import main

    out, err = io.StringIO(), io.StringIO()
    if main(["plan", "--root", str(root), "--json", request], stdout=out, stderr=err, env=env) != 0:
        return False, err.getvalue()
    plan_file = root.parent / "planned.json"
    plan_file.write_text(out.getvalue(), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            ["apply", "--root", str(root), "--json", str(plan_file)],
            stdin=io.StringIO(""),
            stdout=out,
            stderr=err,
            env=env,
        )
        == 0
    ), err.getvalue()
    return True, "\n".join(json.loads(out.getvalue())["reading"])


def _shot(driver, tmp_path: Path, name: str, top: str | None = None) -> None:
    if top:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", top)
    else:
        driver.execute_script("window.scrollTo(0, 0)")
    png = driver.get_screenshot_as_png()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 800 and height >= 500
    (tmp_path / name).write_bytes(png)
    if os.environ.get("FILEAGENT_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        (DOCS / name).write_bytes(png)


def test_tick_run_undo_in_a_real_browser(browser, web_env, web_root, read_tree, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    (web_root / "downloads" / ODD).write_text("%PDF odd", encoding="utf-8")
    before = read_tree(web_root)
    proc, url, _port, _token = start_server(web_root, web_env)
    d = browser
    from selenium.common.exceptions import StaleElementReferenceException

    # Tables are rebuilt as answers arrive: a row read while it is replaced is read again.
    wait = WebDriverWait(d, 60, ignored_exceptions=(StaleElementReferenceException,))

    def by_id(i):
        return d.find_element(By.ID, i)

    try:
        d.get(url)
        wait.until(lambda _: by_id("root").text == str(web_root))
        assert "token" not in d.current_url  # taken out of the address bar

        # A request, planned by the local model: the page reads back what `fileagent plan` plans.
        request = "move the pdf files in downloads to docs/papers"
        by_id("request").send_keys(request)
        by_id("plan-btn").click()
        ok, expected = _cli_reading(web_root, web_env, request)
        if ok:
            wait.until(lambda _: by_id("preview").is_displayed())
            assert by_id("reading").text == expected
        else:  # the model cannot plan it here: the page says what the CLI says
            wait.until(lambda _: by_id("error").is_displayed())
            assert expected.removeprefix("fileagent: error: ").strip() in by_id("error").text
        assert read_tree(web_root) == before

        # A plan, typed into the plan box (used instead of the request), with a step that needs another.
        d.find_element(By.CSS_SELECTOR, "#plan-details summary").click()
        by_id("plan-json").send_keys(json.dumps(MOVE_RENAME))
        by_id("plan-btn").click()
        wait.until(lambda _: by_id("preview").is_displayed() and "rename" in by_id("reading").text.lower())
        rows = d.find_elements(By.CSS_SELECTOR, "#actions tbody tr")
        cells = [[c.text for c in r.find_elements(By.TAG_NAME, "td")] for r in rows]
        assert "docs/papers" in by_id("reading").text
        assert ["downloads/" + ODD, "docs/papers/" + ODD] in [c[4:6] for c in cells]  # shown as text
        assert d.find_elements(By.CSS_SELECTOR, "#actions img") == []
        assert all(b.is_selected() for b in d.find_elements(By.CSS_SELECTOR, "#actions tbody input"))

        def row_of(src: str):
            return next(
                r
                for r in d.find_elements(By.CSS_SELECTOR, "#actions tbody tr")
                if r.find_elements(By.TAG_NAME, "td")[4].text == src
            )

        move_a = row_of("downloads/a.pdf")
        seq_a = move_a.find_elements(By.TAG_NAME, "td")[1].text
        move_a.find_element(By.TAG_NAME, "input").click()
        rename = row_of("docs/papers/a.pdf")
        wait.until(lambda _: rename.find_elements(By.TAG_NAME, "td")[-1].text == f"dropped: needs #{seq_a}")
        assert "dropped" in rename.get_attribute("class")
        assert rename.find_element(By.TAG_NAME, "input").is_selected()  # still ticked, but dropped
        assert by_id("selection-summary").text == (
            f"{len(rows) - 2} of {len(rows)} actions will run; 1 dropped because an action they need is left out"
        )
        _shot(d, tmp_path, "web-preview.png", top="preview")

        by_id("run-btn").click()
        wait.until(lambda _: by_id("result").is_displayed())
        assert by_id("result-text").text.startswith("Status: done.")
        assert not any(b.is_enabled() for b in d.find_elements(By.CSS_SELECTOR, "#actions input"))
        tree = read_tree(web_root)
        assert tree["downloads/a.pdf"] == "%PDF a" and "docs/papers/paper-a.pdf" not in tree
        assert tree["docs/papers/c.pdf"] == "%PDF c" and tree["docs/papers/" + ODD] == "%PDF odd"
        _shot(d, tmp_path, "web-result.png", top="result")

        by_id("undo-btn").click()
        wait.until(lambda _: by_id("undo-box").is_displayed() and d.find_elements(By.CSS_SELECTOR, "#undo-list li"))
        items = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#undo-list li")]
        assert f"move back docs/papers/{ODD} -> downloads/{ODD}" in items
        assert read_tree(web_root) == tree  # shown, not done yet
        _shot(d, tmp_path, "web-undo.png", top="undo-box")
        by_id("undo-confirm").click()
        wait.until(lambda _: by_id("undo-result").text.startswith("Undone run"))
        assert read_tree(web_root) == before

        by_id("tab-runs").click()
        wait.until(lambda _: d.find_elements(By.CSS_SELECTOR, "#runs tbody tr"))
        run_row = [c.text for c in d.find_elements(By.CSS_SELECTOR, "#runs tbody tr td")]
        assert "undone" in run_row and any(c.startswith("move in=") for c in run_row)
        _shot(d, tmp_path, "web-runs.png")

        by_id("tab-audit").click()
        wait.until(lambda _: d.find_elements(By.CSS_SELECTOR, "#audit tbody tr"))
        by_id("f-op").send_keys("move")
        by_id("audit-apply").click()
        wait.until(
            lambda _: (
                {
                    r.find_elements(By.TAG_NAME, "td")[3].text
                    for r in d.find_elements(By.CSS_SELECTOR, "#audit tbody tr")
                }
                == {"move", "undo-move"}
            )
        )
        by_id("verify-btn").click()
        wait.until(lambda _: by_id("verify-status").text.startswith("Chain OK"))
        _shot(d, tmp_path, "web-audit.png")

        # A run cut short (its journal lost the end record): the banner, and Recover.
        from fileagent.agent.history import journal as jr

        run = jr.list_runs(web_root)[-1]
        path = jr.journal_path(web_root, run)
        path.write_text(
            "".join(
                ln
                for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                if '"t":"end"' not in ln.replace(" ", "")
            ),
            encoding="utf-8",
        )
        d.refresh()
        wait.until(lambda _: by_id("banner").is_displayed())
        assert run in by_id("banner-text").text
        _shot(d, tmp_path, "web-banner.png")
        by_id("recover-btn").click()
        wait.until(lambda _: not by_id("banner").is_displayed())
        assert read_tree(web_root) == before
        # No script error and no blocked resource (the Content-Security-Policy would log it).
        assert [e for e in d.get_log("browser") if e.get("level") == "SEVERE"] == []
    finally:
        stop(proc)
