"""The provisioned server's config is hardened as the README promises."""

from __future__ import annotations

from pathlib import Path

from kb.settings import Settings
from kb.store.server import local


def test_conf_is_loopback_only_without_csv_files_and_with_limits(tmp_path: Path) -> None:
    s = Settings(kb_state_dir=tmp_path, kb_neo4j_port=7999, _env_file=None)  # type: ignore[call-arg]
    conf = dict(
        line.split("=", 1) for line in local.render_conf(s, local.layout(s)).splitlines()
        if line and not line.startswith("#")
    )
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.bolt.listen_address"] == "127.0.0.1:7999"
    assert conf["server.http.enabled"] == "false"
    assert conf["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert conf["server.directories.import"] == str(tmp_path.resolve() / "neo4j/home/import")
    assert conf["db.transaction.timeout"] == "15m"
    assert conf["db.tx_log.rotation.retention_policy"] == "1G size"
    assert conf["server.memory.pagecache.size"] == "4g"
    assert conf["server.memory.heap.max_size"] == "6g"


def test_pom_pins_a_5_26_release() -> None:
    assert local.NEO4J_VERSION.startswith("5.26.")


def test_java_version_parsing_of_a_missing_binary() -> None:
    assert local.java_major("/nonexistent/java") is None


def test_generated_passwords_are_32_letters_and_digits(tmp_path: Path) -> None:
    # A leading "-" would be read as an option by neo4j-admin; any other punctuation is a
    # copy-paste hazard. 400 draws give a dash-first token_urlsafe password 99.8% of the time.
    seen = set()
    for i in range(400):
        pw = local._password(local.Layout(tmp_path / str(i)))
        assert len(pw) == 32 and pw.isascii() and pw.isalnum(), pw
        seen.add(pw)
    assert len(seen) == 400
    assert oct((tmp_path / "0" / "password").stat().st_mode & 0o777) == "0o600"
