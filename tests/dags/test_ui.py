"""The Airflow UI as a person uses it: Debian's chromium, driven by Playwright, against a real
`airflow standalone` (the `airflow` fixture of tests/dags/conftest.py).

Log in, open `wire_archive`, read its docs, open the trigger form and check every parameter's
title, widget and description, trigger a run over a small landing folder, wait for success,
read the run's outcome and open the `ingest` batch list. The browser is /usr/bin/chromium
(`make browser` installs it); a missing chromium is a failure, never a skip.

With WIRE_ARCHIVE_SCREENSHOTS=DIR, the trigger form is also saved as DIR/trigger-form.png
(`make screenshots` refreshes docs/trigger-form.png, the picture in the README).
"""

from __future__ import annotations

import os
import re
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.dags.conftest import BROKEN_FILES, GOOD_FILES
from tests.dags.standalone import RUN_TIMEOUT, Airflow

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS_ENV = "WIRE_ARCHIVE_SCREENSHOTS"
# What the README shows in the landing path field instead of this test's temporary folder
# (as everywhere in the README: your checkout's path in place of /home/you/wire-archive).
README_LANDING = "/home/you/wire-archive/landing/sample"
UI_TIMEOUT_MS = 60_000  # two busy cores: the React app may take a while to fetch and draw
expect.set_options(timeout=UI_TIMEOUT_MS)

# Each parameter as a person meets it in the trigger form: its title and its widget.
FORM = {
    "landing_path": ("Landing path", "text"),
    "mode": ("Mode", "select"),
    "since": ("Since (reprocess)", "date"),
    "until": ("Until (reprocess)", "date"),
    "batch_size": ("Batch size", "number"),
    "dry_run": ("Dry run", "switch"),
}
TASKS = (
    "open_run",
    "discover",
    "plan",
    "ingest",
    "link_teasers",
    "check",
    "report",
    "publish",
    "mark_failed",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing: run `make browser`"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, airflow: Airflow) -> Iterator[Any]:
    """A fresh browser context, logged in through Airflow's own login page."""
    context = browser.new_context(viewport={"width": 1280, "height": 1500})
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    page.goto(airflow.base + "/")
    page.get_by_label("Username").fill(airflow.user)
    page.get_by_label("Password").fill(airflow.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/auth/login" not in url)
    yield page
    context.close()


def _run_page(airflow: Airflow, run_id: str) -> str:
    return f"{airflow.base}/dags/wire_archive/runs/{urllib.request.quote(run_id, safe='')}"


def _outcome(page: Any, airflow: Airflow, run_id: str) -> str:
    """The `report` task's label in the run's task list: its Map Index cell."""
    page.goto(_run_page(airflow, run_id))
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="report", exact=True)
    )
    label = row.get_by_role("cell").nth(2)
    expect(label).to_have_text(re.compile(r"\S"))  # the table redraws while it loads
    return str(label.inner_text()).strip()


def _param_descriptions(airflow: Airflow) -> dict[str, str]:
    status, details = airflow.call("GET", "/api/v2/dags/wire_archive/details")
    assert status == 200, details
    return {name: param["description"] for name, param in details["params"].items()}


def test_dag_docs_list_every_task(page: Any, airflow: Airflow) -> None:
    page.goto(airflow.base + "/dags/wire_archive")
    page.get_by_role("button", name="Dag Docs").click()
    docs = page.get_by_role("dialog")
    docs.get_by_text("Wire Archive: nightly load").wait_for()
    items = docs.locator("ol > li").all_inner_texts()
    assert [item.split(":", 1)[0] for item in items] == list(TASKS), items
    assert "form below" not in docs.inner_text()  # a modal: there is no form below it


def test_the_first_nightly_run_says_it_found_nothing_new(page: Any, airflow: Airflow) -> None:
    """Unpausing starts the latest nightly run at once; here it reads an empty folder."""
    deadline = time.monotonic() + RUN_TIMEOUT
    runs: list[dict[str, Any]] = []
    while not runs and time.monotonic() < deadline:
        runs = airflow.runs("wire_archive", run_type="scheduled")
        time.sleep(0 if runs else 2)
    assert runs, "unpausing started no nightly run"
    run_id = runs[0]["dag_run_id"]
    assert airflow.wait_for_run("wire_archive", run_id) == "success"
    assert _outcome(page, airflow, run_id).startswith("nothing new")


def test_trigger_form_run_and_batches(page: Any, airflow: Airflow, tmp_path: Path) -> None:
    started = time.monotonic()
    page.goto(airflow.base + "/dags/wire_archive")
    page.get_by_role("heading", name="wire_archive").wait_for()
    page.get_by_role("button", name="Trigger Dag").click()
    form = page.get_by_role("dialog")
    form.get_by_text("Run Parameters").wait_for()

    # Every parameter: its title, its widget and its description, in the DAG's order.
    descriptions = _param_descriptions(airflow)
    fields = form.locator("[data-scope=field][data-part=root]").filter(
        has=page.locator("[name^=element_]")
    )
    assert fields.count() == len(FORM)
    for n, (name, (title, widget)) in enumerate(FORM.items()):
        field = fields.nth(n)
        label = field.locator("label[data-part=label]")
        assert label.inner_text().replace("*", "").strip() == title, name
        helper = field.locator("[data-part=helper-text]")
        assert descriptions[name] and helper.inner_text().strip() == descriptions[name], name
        assert _widget(field, name) == widget, name

    # Defaults as the form shows them.
    assert form.locator("[name=element_mode]").input_value() == "new"
    assert form.locator("#element_mode").inner_text().strip().startswith("New files")
    form.locator("#element_mode").click()
    options = page.get_by_role("option").all_inner_texts()
    assert options == ["New files", "Reprocess stored dumps"]
    page.get_by_role("option", name="New files").click()
    batch_size = form.get_by_role("spinbutton")
    assert batch_size.input_value() == "200"
    assert batch_size.get_attribute("aria-valuemin") == "1"
    assert batch_size.get_attribute("aria-valuemax") == "5000"
    assert not form.locator("input[name=element_dry_run]").is_checked()

    landing = form.locator("[name=element_landing_path]")
    landing.fill(README_LANDING)
    landing.blur()
    form.screenshot(path=str(tmp_path / "trigger-form.png"))
    if os.environ.get(SCREENSHOTS_ENV):
        target = Path(os.environ[SCREENSHOTS_ENV]) / "trigger-form.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        form.screenshot(path=str(target))

    # A small run: the test landing zone in batches of two.
    landing.fill(str(airflow.landing))
    batch_size.fill("2")
    form.get_by_role("button", name="Trigger", exact=True).click()
    page.wait_for_url(re.compile(r"/dags/wire_archive/runs/manual__"))
    run_id = urllib.request.unquote(page.url.rsplit("/runs/", 1)[1].split("/")[0])
    status, run = airflow.call("GET", airflow.run_path("wire_archive", run_id))
    assert status == 200, run
    assert run["conf"]["landing_path"] == str(airflow.landing)
    assert run["conf"]["batch_size"] == 2

    assert airflow.wait_for_run("wire_archive", run_id) == "success"
    page.reload()
    page.get_by_text("Success").first.wait_for()

    # The outcome without a task log: the report's label in the run's task list.
    outcome = _outcome(page, airflow, run_id)
    assert outcome.startswith(f"{GOOD_FILES} loaded,"), outcome
    assert f"{BROKEN_FILES} rejected" in outcome, outcome

    # The batch list of the mapped `ingest` task, from its cell in the grid: "batch 1 of 3" ...
    page.locator(f'[id="grid-{run_id}-ingest"]').click()
    page.wait_for_url(re.compile(r"/tasks/ingest/mapped$"))
    total = -(-(GOOD_FILES + BROKEN_FILES) // 2)
    batches = page.get_by_role("link", name=re.compile(r"^batch \d+ of \d+$"))
    expect(batches).to_have_count(total)  # the table redraws while it loads: wait, then read
    wanted = [f"batch {n} of {total}" for n in range(1, total + 1)]
    deadline = time.monotonic() + 30
    labels = sorted(batches.all_inner_texts())
    while labels != wanted and time.monotonic() < deadline:
        page.wait_for_timeout(250)  # (read between two redraws, the list may come back empty)
        labels = sorted(batches.all_inner_texts())
    assert labels == wanted
    rows = page.get_by_role("row").filter(has=batches)
    expect(rows.filter(has_text="Success")).to_have_count(total)
    print(f"browser test: trigger form to batch list in {time.monotonic() - started:.1f}s")


def _widget(field: Any, name: str) -> str:
    """Which kind of input the form drew for a parameter."""
    element = field.locator(f"[name=element_{name}]")
    kind = element.get_attribute("type")
    if field.locator(f"#element_{name} [role=combobox]").count():
        return "select"
    if element.get_attribute("role") == "spinbutton":
        return "number"
    if kind == "checkbox" and field.locator("[data-scope=switch]").count():
        return "switch"
    if kind == "date":
        return "date"
    if kind in (None, "text") and element.evaluate("e => e.tagName") == "INPUT":
        return "text"
    return f"unknown ({kind})"
