"""Settings, read from the environment and `.env` with pydantic-settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of valuenet-kb. Each field's env var is its name in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt URI of a running Neo4j (bolt://, neo4j://, neo4j+s://...). "
        "Unset: use the server the project provisions itself (`kb neo4j start`).",
    )
    neo4j_user: str = Field(default="neo4j", description="Neo4j user name.")
    neo4j_password: str | None = Field(
        default=None,
        description="Neo4j password. Unset: the generated password of the provisioned server.",
    )
    neo4j_database: str = Field(default="neo4j", description="Database to use.")
    kb_state_dir: Path = Field(
        default=Path(".kb"),
        description="Folder for the provisioned server (jars, config, data, logs, password) "
        "and the risk snapshot cache.",
    )
    kb_neo4j_port: int = Field(default=7687, description="Bolt port of the provisioned server.")
    kb_neo4j_heap: str = Field(
        default="6g",
        description="JVM heap of the provisioned server; an atomic load needs transaction "
        "memory (70% of the heap) roughly in proportion to the relationships it writes.",
    )
    kb_neo4j_pagecache: str = Field(
        default="4g", description="Page cache of the provisioned server."
    )
    kb_neo4j_tx_memory: str = Field(
        default="0",
        description="Most memory one transaction of the provisioned server may use "
        "(db.memory.transaction.max; 0 = bounded only by the total, 70% of the heap).",
    )
    kb_neo4j_tx_timeout: str = Field(
        default="15m", description="Server-wide cap on any transaction of the provisioned server."
    )
    kb_java: str = Field(
        default="java",
        description="Java 17 or 21 executable used to run the provisioned server.",
    )
    kb_connect_timeout: float = Field(default=5.0, description="Seconds to wait for a connection.")
    kb_retry_seconds: float = Field(
        default=2.0, ge=0,
        description="Seconds the driver keeps retrying a read or a query that failed for a "
        "passing reason (a lost connection, a deadlock) before it gives up; the panel then "
        "answers 503. The driver's own default is 30.",
    )
    kb_batched_above: int = Field(
        default=150_000, ge=0,
        description="`kb load` writes a load of more records than this in batches that stay "
        "invisible until one final switch (see README, \"Large loads\"); smaller loads go "
        "in one transaction. 0: always batched.",
    )
    kb_stream_above: int = Field(
        default=64 * 2**20, ge=0,
        description="`kb load` streams JSON files that together hold at least this many "
        "bytes: read, checked and written a slice at a time, so that its memory does not "
        "grow with the files (see README, \"Large loads\"). 0: always, for JSON.",
    )
    kb_batch_records: int = Field(
        default=20_000, ge=1,
        description="Records (or relationships) per transaction of a batched load.",
    )
    kb_batched_stale: float = Field(
        default=120.0, ge=0,
        description="Seconds without a heartbeat after which a batched load counts as "
        "crashed: the next load removes what it left instead of waiting for it.",
    )
    kb_query_timeout: float = Field(
        default=10.0, description="Seconds before an ad-hoc or web query is cancelled."
    )
    kb_row_cap: int = Field(default=1000, description="Rows returned at most by the console.")
    kb_answer_mb: float = Field(
        default=16.0, gt=0,
        description="Megabytes (about, as JSON) a console answer may hold; rows past it are "
        "cut, and a first row larger than it is refused.",
    )
    kb_console_slots: int = Field(
        default=2, ge=1,
        description="Console queries one panel process runs at once; more wait for none and "
        "are answered 503 busy. A query Neo4j cannot stop keeps its slot until it ends.",
    )
    kb_panel_table_rows: int = Field(
        default=500, ge=1,
        description="Rows an analysis table in the panel shows at most, in the analysis's "
        "own order (most urgent first where it ranks); the page says when it cut, and its "
        "JSON twin has every row.",
    )
    kb_panel_refresh: float = Field(
        default=5.0, ge=0,
        description="Seconds between the panel's checks for writes made outside it; once a "
        "change has held for one check, the risk snapshot is renewed in the background. "
        "0: never (the first view after a change renews it).",
    )
    kb_cache_mb: int = Field(
        default=2048, ge=1,
        description="Memory (estimated MiB) the result cache may hold: the risk snapshot and "
        "the panel's computed answers, for the newest data state only.",
    )
    kb_cache_entries: int = Field(
        default=256, ge=1, description="Answers the result cache holds at most.",
    )
    kb_maintenance_cost: float = Field(
        default=50000.0, ge=0,
        description="What a year of maintaining a component costs, in the ecosystem's "
        "currency, when its record gives no maintenance_cost (kb plan).")
    kb_editor_token: str | None = Field(
        default=None,
        description="Token that allows writes through the web panel from scripts (header "
        "X-Editor-Token). People sign in with accounts instead (kb user add).",
    )
    kb_private: bool = Field(
        default=False,
        description="Require sign-in to read the panel too. Unset: anonymous visitors may "
        "read (never write).")
    kb_session_secret: str | None = Field(
        default=None,
        description="Key that signs the panel's session cookies and form tokens. Unset: one "
        "is made and kept in KB_STATE_DIR/session.key. Set it when several panels serve one "
        "KB, so that a sign-in holds on each.")
    kb_session_hours: float = Field(
        default=12.0, gt=0, le=24 * 30,
        description="Hours a panel sign-in lasts.")
    kb_cookie_secure: bool | None = Field(
        default=None,
        description="Send the session cookie only over HTTPS. Unset: yes, except on plain "
        "HTTP to a host other than localhost (set true behind a TLS proxy).")

    @property
    def neo4j_dir(self) -> Path:
        """Folder of the provisioned server."""
        return self.kb_state_dir / "neo4j"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
