"""When Neo4j goes away mid-run, every page answers 503 in the error shape within seconds
(issue 19: `/` and `/risk` used to hang for 20 s or more while the driver retried).

The panel talks to the real test server through a TCP relay that the test then shuts,
dropping every open connection and refusing new ones, as a stopped server does.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from kb.ingest import loader
from kb.store import schema
from tests.conftest import EXAMPLES


class Relay:
    """Forwards TCP connections from a local port to `upstream` until `stop()`."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self) -> None:
        self.stopped = True
        try:  # wakes the thread blocked in accept(); close() alone would leave it listening
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass


@pytest.fixture()
def relay(settings) -> Iterator[Relay]:  # type: ignore[no-untyped-def]
    target = urlparse(settings.neo4j_uri)
    r = Relay((target.hostname or "127.0.0.1", target.port or 7687))
    yield r
    r.stop()


PATHS = ["/", "/risk", "/index.json", "/risk.json", "/components/json-codec",
         "/analyses/hollow_core", "/audit.json", "/healthz"]


def test_pages_answer_503_quickly_once_neo4j_is_gone(driver, settings, relay: Relay,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    from web.app import create_app

    schema.reset(driver, settings)
    loader.load(driver, [EXAMPLES / "ebola-emr.yaml"], settings=settings)
    app = create_app(settings.model_copy(update={
        "neo4j_uri": f"bolt://127.0.0.1:{relay.port}", "kb_state_dir": tmp_path}))
    with TestClient(app) as client:
        assert client.get("/risk.json").status_code == 200  # through the relay
        relay.stop()
        took = {}
        for path in PATHS:
            t = time.perf_counter()
            resp = client.get(path, headers={"Accept": "application/json"})
            took[path] = time.perf_counter() - t
            assert resp.status_code == 503, (path, resp.status_code, resp.text[:200])
            assert resp.json()["error"]["code"] == "neo4j_unavailable", path
    # The driver retries for KB_RETRY_SECONDS (2 s) and connects within
    # KB_CONNECT_TIMEOUT; a refused connection fails at once, so well under 6 s each.
    assert max(took.values()) < 6.0, took
