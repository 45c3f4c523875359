"""Every page of the panel checked by axe-core (vendored from npm, tests/browser/vendor):
no serious or critical violation of WCAG 2 A and AA (issue 21), and the console and the
list pages usable from the keyboard."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import shot

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
DAY = "2026-11-22"
PAGES = ["/", f"/risk?as_of={DAY}", f"/plan?budget=100000&as_of={DAY}", "/analyses",
         "/analyses/funding_topology", "/analyses/power", "/components/json-codec",
         "/products/ebola-emr", "/actors/relief-ngo", "/agreements/ag-ghrf-grant",
         "/fundings/f-sub-commons", "/decisions/d-hosting", "/actors", "/components",
         "/fundings", "/agreements", "/decisions", "/products", "/query", "/queries",
         "/queries/ivn", "/import", f"/audit?as_of={DAY}", "/audit/trend", "/sources",
         f"/map?as_of={DAY}", "/login", "/edit", "/edit/fundings",
         "/edit/agreements?key=ag-ghrf-grant",
         "/workshop", "/workshop/network?product=ebola-emr",
         "/workshop/scorecard?agreement=ag-ghrf-grant", "/workshop/decisions?product=ebola-emr",
         "/history"]


@pytest.fixture()
def axe_page(browser, panel):  # type: ignore[no-untyped-def]
    """A page whose scripts axe can join: the panel forbids inline scripts (its
    Content-Security-Policy), so this context alone bypasses the policy to inject axe."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=panel,
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE)
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: "tag",
             values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations
             .map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))""")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violation(axe_page: Page, path: str) -> None:
    axe_page.goto(path)
    axe_page.wait_for_load_state("networkidle")
    bad = [v for v in violations(axe_page) if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, indent=1)


def test_the_console_runs_from_the_keyboard(page: Page) -> None:
    page.goto("/query")
    page.keyboard.press("Tab")  # into the page: the first tab stops are the menu
    editor = page.locator(".cm-content")
    editor.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("MATCH (a:Actor {id: 'ghrf'}) RETURN a.id AS id")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#console-table")).to_contain_text("ghrf")
    # The buttons are reachable with Tab and work with Enter.
    page.locator("#explain").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#plan")).to_be_visible()
    shot(page, "console-keyboard")


def test_a_list_page_works_from_the_keyboard(page: Page) -> None:
    page.goto("/actors")
    search = page.locator("#browse-search input[name=q]")
    search.focus()
    page.keyboard.type("health")
    page.keyboard.press("Enter")
    rows = page.locator("#browse-table tbody tr")
    # By hand: Community Health Voices, Kerry Town district health team, the Ministry of
    # Health and the Global Health Response Fund.
    expect(rows).to_have_count(4)
    first = page.locator("#browse-table tbody a").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/actors/[a-z-]+$"))
