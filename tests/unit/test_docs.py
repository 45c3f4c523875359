"""The docs match the code: every setting and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from click import Context, Group

from kb.cli.main import COMMANDS, main
from kb.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_setting_is_in_the_readme() -> None:
    for name in Settings.model_fields:
        assert f"`{name.upper()}`" in README, f"{name.upper()} is not documented in README.md"


def walk(group: Group, prefix: str) -> list[str]:
    """Every command under `group`, loaded as a user's call would load it."""
    ctx = Context(group)
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, Group):
            out += walk(cmd, f"{prefix}{name} ")
        else:
            out.append(f"{prefix}{name}")
    return out


def test_every_command_is_in_the_readme() -> None:
    commands = walk(main, "kb ")
    assert len(commands) == 32 and "kb query" in commands and "kb audit trend" in commands
    assert "kb user add" in commands and "kb history" in commands
    assert "kb neo4j status" in commands and "kb audit diff" in commands
    for cmd in commands:
        head = cmd.rsplit(" ", 1)[0]
        assert f"`{cmd}" in README or (head != "kb" and f"`{head} " in README), cmd


def test_quickstart_has_exactly_the_two_commands() -> None:
    quick = README.split("## Quickstart", 1)[1].split("```", 2)[1]
    lines = [line.split("#")[0].strip() for line in quick.splitlines()[1:] if line.strip()]
    assert lines == ["make run", "make test"]


def test_every_importer_and_what_it_tells_is_in_the_readme() -> None:
    from kb.ingest import importers

    for name, mod in importers.registry().items():
        assert f"`{name}`" in README and mod.TELLS in README, name
        assert f"| `{name}` | {mod.COVERS} |" in README, f"{name}: what it covers is not in README"


def test_audit_schema_fields_are_documented() -> None:
    import json

    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "kb" / "report" / "audit_schema.json").read_text())
    doc = (Path(__file__).resolve().parents[2] / "docs" / "audit.md").read_text()
    for field in schema["required"]:
        assert f"`{field}" in doc, field


def test_the_architecture_section_matches_the_tree() -> None:
    root = Path(__file__).resolve().parents[2]
    section = README[README.index("## Architecture"):README.index("## Layout")]
    packages = sorted(p.parent.relative_to(root).as_posix() + "/"
                      for p in (root / "kb").glob("*/__init__.py")
                      if p.parent.name not in ("server",))
    assert packages == ["kb/analysis/", "kb/cli/", "kb/ingest/", "kb/report/", "kb/store/",
                        "kb/views/"]
    for pkg in [*packages, "web/"]:
        assert f"`{pkg}`" in section, f"{pkg} is not described"
    for base in (root / "kb").glob("*.py"):
        if base.name not in ("__init__.py", "__main__.py"):
            assert f"`kb/{base.name}`" in section, f"kb/{base.name} is not described"
    files = {p.name for p in [*(root / "kb").rglob("*.py"), *(root / "web").rglob("*.py")]}
    named = set(re.findall(r"`(?:[\w/]+/)?(\w+\.py)`", section))
    assert named and named <= files, f"named but missing: {sorted(named - files)}"


def test_kb_help_lists_each_command_with_its_own_summary() -> None:
    ctx = Context(main)
    for name, (_, _, summary) in COMMANDS.items():
        cmd = main.get_command(ctx, name)
        assert cmd is not None and cmd.name == name
        assert cmd.get_short_help_str(limit=1000) == summary, name


def test_make_run_takes_port_and_host() -> None:
    """`make run PORT=... HOST=...` reaches `kb serve` (a dry run: nothing is started)."""
    import subprocess

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(["make", "-n", "--always-make", "run", "PORT=8123", "HOST=0.0.0.0"],
                         cwd=root, capture_output=True, text=True, check=True).stdout
    serve = [line for line in out.splitlines() if " serve " in line]
    assert serve and serve[-1].endswith("serve --host 0.0.0.0 --port 8123"), out
    default = subprocess.run(["make", "-n", "--always-make", "run"], cwd=root,
                             capture_output=True, text=True, check=True).stdout
    assert "serve --host 127.0.0.1 --port 8000" in default
