"""A real `kb serve` on loopback with the demo loaded, and a real headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

SHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


EDITOR_TOKEN = "browser-editor-token"
EDITOR = ("editor-ada", "a long editor password")  # an account on the editor panel
VIEWER = ("viewer-val", "a long viewer password")


def add_accounts(state: Path) -> None:
    """The editor and viewer accounts in a panel's state folder."""
    from kb.settings import Settings
    from kb.store import users

    s = Settings(kb_state_dir=state, _env_file=None)  # type: ignore[call-arg]
    users.add(EDITOR[0], "editor", EDITOR[1], s)
    users.add(VIEWER[0], "viewer", VIEWER[1], s)


def sign_in(page, who: tuple[str, str] = EDITOR) -> None:  # type: ignore[no-untyped-def]
    """Sign in through the panel's form."""
    page.goto("/login")
    page.fill("#login input[name=name]", who[0])
    page.fill("#login input[name=password]", who[1])
    page.click("#login button")
    page.wait_for_url(lambda url: "/login" not in url)


def _serve(neo4j_env: dict[str, str], state: Path, **extra: str) -> Iterator[str]:
    """Run `kb serve` on a free port until the caller is done; yield its base URL."""
    port = _free_port()
    # Analysis tables cut at 5 rows, so the demo's 7 components with free riders show the cut;
    # console answers at 1 MB, so a modest query shows the size cap.
    env = {**os.environ, **neo4j_env, "KB_STATE_DIR": str(state), "KB_PANEL_TABLE_ROWS": "5",
           "KB_ANSWER_MB": "1", **extra}
    proc = subprocess.Popen([sys.executable, "-m", "kb", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else "died"
                raise RuntimeError(out) from None
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def panel(neo4j_env: dict[str, str], driver, settings, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Base URL of a read-only panel serving the demo ecosystem."""
    from kb.ingest import loader
    from kb.store import schema

    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    yield from _serve(neo4j_env, tmp_path_factory.mktemp("panel-state"))


@pytest.fixture(scope="session")
def editor_panel(panel: str, neo4j_env: dict[str, str], tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Base URL of a second panel on the same knowledge base, with accounts (EDITOR,
    VIEWER) and an editor token for scripts."""
    state = tmp_path_factory.mktemp("editor-panel-state")
    add_accounts(state)
    yield from _serve(neo4j_env, state, KB_EDITOR_TOKEN=EDITOR_TOKEN)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make setup` installs it "
                    "(apt-get install chromium), or set KB_CHROMIUM")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, panel):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=panel)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture()
def editor_page(browser, editor_panel):  # type: ignore[no-untyped-def]
    """A page signed in as the editor account."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  base_url=editor_panel)
    pg = context.new_page()
    sign_in(pg)
    yield pg
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Save a full-page screenshot under screenshots/ (git-ignored)."""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
