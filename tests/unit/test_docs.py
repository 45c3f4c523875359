"""The docs match the code: every setting and every command is documented."""

from __future__ import annotations

from pathlib import Path

from click import Group

from kb.cli import main
from kb.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_setting_is_in_the_readme() -> None:
    for name in Settings.model_fields:
        assert f"`{name.upper()}`" in README, f"{name.upper()} is not documented in README.md"


def test_every_command_is_in_the_readme() -> None:
    def walk(group: Group, prefix: str) -> list[str]:
        out = []
        for name, cmd in group.commands.items():
            if isinstance(cmd, Group):
                out += walk(cmd, f"{prefix}{name} ")
            else:
                out.append(f"{prefix}{name}")
        return out

    for cmd in walk(main, "kb "):
        head = cmd.rsplit(" ", 1)[0]
        assert f"`{cmd}" in README or (head != "kb" and f"`{head} " in README), cmd


def test_quickstart_has_exactly_the_two_commands() -> None:
    quick = README.split("## Quickstart", 1)[1].split("```", 2)[1]
    lines = [line.split("#")[0].strip() for line in quick.splitlines()[1:] if line.strip()]
    assert lines == ["make run", "make test"]


def test_every_importer_and_what_it_tells_is_in_the_readme() -> None:
    from kb import importers

    for name, mod in importers.registry().items():
        assert f"`{name}`" in README and mod.TELLS in README, name


def test_audit_schema_fields_are_documented() -> None:
    import json

    schema = json.loads((Path(__file__).resolve().parents[2] / "kb" / "audit_schema.json")
                        .read_text())
    doc = (Path(__file__).resolve().parents[2] / "docs" / "audit.md").read_text()
    for field in schema["required"]:
        assert f"`{field}" in doc, field
