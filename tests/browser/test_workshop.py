"""A new user maps a value network from an empty knowledge base through the panel alone:
signs in, starts a source, adds actors, code, products and an agreement through the forms,
scores the agreement, ticks the value network, and sees the risk and the inner value network
change; then finds every change in the history under their name and undoes one."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import EDITOR, shot
from tests.conftest import EXAMPLES


def add(page: Page, section: str, fields: dict[str, str]) -> None:
    """Fill a record's form (text fields, menus, dates) and add it."""
    page.goto(f"/edit/{section}")
    for name, value in fields.items():
        box = page.locator(f"#record-form [name='{name}']")
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        elif box.get_attribute("type") == "checkbox":
            box.check()
        else:
            box.fill(value)
    page.locator("#record-form button[type=submit]").click()
    expect(page.locator("#saved")).to_be_visible()


def test_a_new_user_maps_a_network_from_an_empty_kb(editor_page: Page, driver,  # type: ignore[no-untyped-def]
                                                    settings) -> None:
    from kb.ingest import loader
    from kb.store import schema

    page = editor_page
    schema.reset(driver, settings)
    try:
        page.goto("/edit")
        expect(page.locator("#no-source")).to_be_visible()
        expect(page.locator("#who")).to_contain_text(f"{EDITOR[0]} (editor)")
        page.fill("#new-source input[name=id]", "our-emr")
        page.fill("#new-source input[name=name]", "Our EMR programme")
        page.locator("#new-source button").click()
        expect(page.locator("#source-list")).to_contain_text("our-emr")

        # A form with mistakes names each beside its field and saves nothing.
        page.goto("/edit/actors")
        page.fill("#record-form [name=id]", "relief-ngo")
        page.fill("#record-form [name=name]", "Harbourlight Relief")
        page.locator("#record-form [name=kind]").select_option("organization")
        page.fill("#record-form [name=member_of]", "no-such-umbrella")
        page.locator("#record-form button[type=submit]").click()
        expect(page.locator("#problems")).to_contain_text("1 problem(s); nothing was saved")
        expect(page.locator("#field-member_of .error")).to_contain_text(
            "unknown id 'no-such-umbrella'")
        shot(page, "edit-form-problems")
        page.fill("#record-form [name=member_of]", "")
        page.locator("#record-form button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/actors/relief-ngo\?saved=\d+"))

        add(page, "actors", {"id": "tessera", "name": "Tessera Software", "kind": "business"})
        add(page, "actors", {"id": "ghrf", "name": "Global Health Response Fund",
                             "kind": "organization"})
        # Its funding and maintenance are known in full (none): not unknown.
        add(page, "components", {"id": "json-codec", "name": "JSON codec library",
                                 "covers": "funding\nmaintenance"})
        # The product's code is picked: typing part of a name suggests the record.
        page.goto("/edit/products")
        page.fill("#record-form [name=id]", "ebola-emr")
        page.fill("#record-form [name=name]", "Ebola response EMR")
        page.fill("#record-form [name=owner]", "relief-ngo")
        adder = page.locator("#record-form input[data-add-to=built_on]")
        adder.fill("codec")
        expect(page.locator("#pick-built_on option[value=json-codec]")).to_have_count(1)
        adder.fill("json-codec")
        adder.dispatch_event("change")
        expect(page.locator("#record-form [name=built_on]")).to_have_value("json-codec")
        page.locator("#record-form button[type=submit]").click()
        expect(page.locator("#saved")).to_be_visible()

        # One product on json-codec: not shared yet, so not a hollow core; nothing unknown.
        risk = page.request.get("/risk.json?q=json-codec").json()
        assert [c["id"] for c in risk["components"]] == ["json-codec"]
        first = risk["components"][0]
        assert not first["hollow_core"] and "funding_unknown" not in first["reasons"]
        add(page, "products", {"id": "tessera-suite", "name": "Tessera suite",
                               "owner": "tessera", "built_on": "json-codec"})
        risk = page.request.get("/risk.json?q=json-codec").json()
        shared = risk["components"][0]
        assert shared["hollow_core"] and "unfunded" in shared["reasons"]  # nobody funds it
        assert shared["risk_score"] > first["risk_score"]

        # An MOU with Tessera about the EMR makes Tessera an IVN member once signed.
        add(page, "agreements", {"id": "ag-tessera", "kind": "mou", "title": "Tessera MOU",
                                 "parties": "relief-ngo\ntessera", "concerns": "ebola-emr",
                                 "signed": "2025-01-10", "areas": "roles; exit"})
        ivn = page.request.get("/products/ebola-emr.json").json()["ivn"]
        assert [(m["actor"], m["criteria"]) for m in ivn["members"]] == [
            ("tessera", ["agreement"])]

        # The scorecard: roles covered fully but unclearly is a weak area.
        page.goto("/workshop/scorecard?agreement=ag-tessera")
        page.locator("select[name='comprehensive.roles']").select_option("3")
        page.locator("select[name='clear.roles']").select_option("1")
        page.fill("input[name='note.roles']", "who reviews releases is not said")
        page.locator("select[name='comprehensive.exit']").select_option("2")
        page.locator("select[name='clear.exit']").select_option("3")
        page.get_by_role("button", name="Save the scorecard").click()
        expect(page.locator("#saved")).to_be_visible()
        expect(page.locator("#scorecard-summary")).to_contain_text("Covered weakly: roles")
        shot(page, "workshop-scorecard")

        # The value network: GHRF plans jointly; what we give it and need from it.
        page.goto("/workshop/network?product=ebola-emr")
        page.fill("input[name='actor.new']", "ghrf")
        page.check("input[name='joint_planning.new']")
        page.fill("input[name='give.new']", "quarterly reports")
        page.fill("input[name='need.new']", "response grant")
        page.locator("select[name='need_kind.new']").select_option("tangible")
        page.get_by_role("button", name="Save the value network").click()
        expect(page.locator("#saved")).to_contain_text("3 record(s) changed")
        expect(page.locator("#ivn-summary")).to_contain_text("2 of 2 actors")
        row = page.locator("#row-ghrf")
        expect(row).to_contain_text("quarterly reports")
        expect(row).to_contain_text("joint planning")
        shot(page, "workshop-network")
        gaps = page.request.get("/products/ebola-emr.json").json()["ivn"]["gaps"]
        # The source does not say it records every agreement: GHRF's is unknown, not none.
        assert {g["kind"] for g in gaps} == {"weak_areas", "missing_areas", "agreement_unknown"}

        # Every change is in the history under the editor's name; undo the last one.
        page.goto("/history")
        rows = page.locator("#changes tbody tr")
        expect(rows.first).to_contain_text(EDITOR[0])
        expect(page.locator("#changes")).to_contain_text("created exchange ghrf gives "
                                                         "relief-ngo response grant")
        shot(page, "history")
        rows.first.locator("a").first.click()
        page.get_by_role("button", name="Undo this change").click()
        expect(page.locator("h1")).to_contain_text("undid change")
        undone = page.request.get("/workshop/network.json?product=ebola-emr").json()
        ghrf = next(a for a in undone["actors"] if a["actor"] == "ghrf")
        assert len(ghrf["we_need"]) + len(ghrf["we_give"]) == 1
    finally:
        schema.reset(driver, settings)
        loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)


def test_a_viewer_sees_the_forms_and_cannot_save(browser, editor_panel) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.conftest import VIEWER, sign_in

    context = browser.new_context(base_url=editor_panel)
    page = context.new_page()
    try:
        sign_in(page, VIEWER)
        page.goto("/edit/actors")
        expect(page.locator("#read-only-notice")).to_be_visible()
        expect(page.locator("#record-form button[type=submit]")).to_be_disabled()
        page.goto("/workshop/network?product=ebola-emr")
        expect(page.get_by_role("button", name="Save the value network")).to_have_count(0)
    finally:
        context.close()
