"""The `kb` command line: the root group, wired to its command groups.

Each module of `kb.cli` holds one group of commands and stays thin: it parses options, calls
the library (`kb.ingest`, `kb.analysis`, `kb.views`, `kb.report`) and prints. The root group
loads a command's module only when that command runs, so `kb --help` answers without
importing the driver, numpy or pydantic; the summaries it lists are kept here (a test checks
them against the commands' own help). Before any command runs, the application is wired: the
result cache gets its bounds, and the risk engine renews its snapshot after every write kb
commits (`kb.store.events`).
"""

from __future__ import annotations

import importlib

import click

COMMANDS: dict[str, tuple[str, str, str]] = {  # name: (module, attribute, summary)
    "alias": ("kb.cli.imports", "alias",
              "The alias table: names in source files that mean the same actor."),
    "analyze": ("kb.cli.analyses", "analyze",
                "Run any analysis by NAME (`kb analyze --list` shows them)."),
    "audit": ("kb.cli.audit", "audit",
              "Ecosystem-wide sustainability audit: findings, charts, recommendations."),
    "check": ("kb.cli.data", "check", "Validate ecosystem files without writing anything."),
    "export": ("kb.cli.data", "export", "Write the whole knowledge base as one valuenet/1 file."),
    "forget": ("kb.cli.data", "forget", "Remove exactly what SOURCE said, in one transaction."),
    "generate": ("kb.cli.data", "generate",
                 "Write a synthetic valuenet/1 ecosystem shaped like real package ecosystems."),
    "init": ("kb.cli.data", "init",
             "Start your own ecosystem file: a starter that validates, with one example of "
             "each section and a comment on every field."),
    "history": ("kb.cli.history", "history",
                "The change log, newest first: every load, import and forget, and every "
                "record added, changed, deleted or undone in the panel, with who did it and "
                "when."),
    "import": ("kb.cli.imports", "import_",
               "Import real files: lockfiles, registries, grant data, edge lists, git clones."),
    "ivn": ("kb.cli.analyses", "ivn",
            "The inner value network of PRODUCT: who is in it, why, and the agreement gaps."),
    "load": ("kb.cli.data", "load",
             "Validate ecosystem files, then load them into the knowledge base, all or "
             "nothing."),
    "neo4j": ("kb.cli.server", "neo4j",
              "Run the project's own Neo4j 5.26 Community server (when NEO4J_URI is not set)."),
    "plan": ("kb.cli.analyses", "plan",
             "Where the next money removes the most risk: grants within a budget."),
    "query": ("kb.cli.query", "query",
              "Run one read-only Cypher query against the knowledge base."),
    "reset": ("kb.cli.data", "reset", "Delete everything in the knowledge base (asks first)."),
    "risk": ("kb.cli.analyses", "risk", "Hollow-core risk of every component, most urgent first."),
    "schema": ("kb.cli.data", "schema",
               "Print the JSON Schema of the valuenet/1 ecosystem format."),
    "sources": ("kb.cli.data", "sources",
                "List the sources in the knowledge base and what each contributed."),
    "user": ("kb.cli.users", "user", "Accounts that sign in to the web panel."),
    "serve": ("kb.cli.server", "serve",
              "Serve the web panel (risk dashboard, entity pages, Cypher console, import)."),
}


def shorten(text: str, limit: int) -> str:
    """`text` as a help listing shows it: whole if it fits, else cut at a word and '...'."""
    if len(text) <= limit:
        return text
    words, out = text.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > limit - 3:
            break
        out = f"{out} {word}" if out else word
    return out + "..."


class Commands(click.Group):
    """A group whose commands are imported when they are used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        rows = [(name, shorten(COMMANDS[name][2], limit))
                for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=Commands,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="valuenet-kb", prog_name="kb")
def main() -> None:
    """valuenet-kb: a Neo4j knowledge base of the value networks around open-source products.

    \b
    Typical session:
      kb neo4j start                     # fetch and start a local Neo4j 5.26 (or set NEO4J_URI)
      kb load examples/ebola-emr.yaml    # validate, then load atomically
      kb risk                            # hollow-core risk, most urgent first
      kb serve                           # the web panel on http://127.0.0.1:8000

    Settings come from the environment or a .env file: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE, KB_STATE_DIR and more (see README, "Configuration").
    """
    from kb import cache
    from kb.analysis import fastrisk
    from kb.settings import get_settings

    settings = get_settings()
    cache.configure(settings.kb_cache_entries, settings.kb_cache_mb)
    fastrisk.subscribe()
