"""The alias table, acting at once: `kb alias add` merges the actors a name stands for into
one, `kb alias remove` splits them again, `kb alias distinct` marks a likely pair as two.

An alias says that NAME, as written in source files, means actor ID. Adding one records it for
later imports and merges, in one transaction, every actor the knowledge base already holds
under that name (by name, or by the id an import makes of it) into ID
(`kb.ingest.merge`): relationships move, sources and their records are kept. Each such merge
keeps what undoing it needs, so removing the alias splits the actors again, unless a later
load or import wrote to the merged actor (then it says so and changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from kb.errors import KBError, NotFound
from kb.ingest import merge
from kb.ingest.importers import slug
from kb.settings import Settings, get_settings
from kb.store import changes, db, events


@dataclass
class AliasChange:
    """What adding or removing an alias did."""

    name: str
    actor: str
    merged: list[str] = field(default_factory=list)  # actor ids merged into (or split from)
    renamed: list[str] = field(default_factory=list)  # ids that became `actor` (none held it)

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of `kb alias add|remove --format json`."""
        return dict(self.__dict__)


def add(driver: Driver, name: str, actor_id: str,
        settings: Settings | None = None) -> AliasChange:
    """Record the alias and merge the actors it names into `actor_id`, in one transaction."""
    settings = settings or get_settings()
    if not name.strip() or not actor_id.strip():
        raise KBError("kb alias add needs a NAME and an ID, neither empty",
                      hint='For example: kb alias add "UNICEF Venture Fund" '
                      "unicef-ventures-fund")
    change = AliasChange(name, actor_id)
    with db.write_transaction(driver, settings) as tx:
        db.run_tx(tx, "load_lock")
        clash = db.run_tx(tx, "load_lookup_nodes", {"ids": [actor_id]})
        if clash and clash[0]["label"] != "Actor":
            raise KBError(f"{actor_id!r} is a {clash[0]['label']}, not an actor; an alias "
                          "names an actor")
        db.run_tx(tx, "alias_add", {"name": name, "id": actor_id})
        for row in db.run_tx(tx, "alias_actors_named", {"name": name, "slug": slug(name)}):
            if row["id"] == actor_id:
                continue
            done = merge.merge_node(tx, row["id"], actor_id,
                                    f"kb alias add {name!r} {actor_id}", alias=name)
            (change.renamed if done == "renamed" else change.merged).append(row["id"])
        moved = change.merged + change.renamed
        changes.append(tx, changes.Change(
            changes.os_author(), "cli", "alias",
            f"alias {name!r} names {actor_id}" + (f"; merged {', '.join(moved)} into it"
                                                   if moved else "")))
        tx.commit()
    if change.merged or change.renamed:
        events.publish(events.Committed(driver, settings, "alias add"))
    return change


def remove(driver: Driver, name: str, settings: Settings | None = None) -> AliasChange:
    """Remove the alias and undo the merges it made, newest first, in one transaction."""
    settings = settings or get_settings()
    change = AliasChange(name, "")
    with db.write_transaction(driver, settings) as tx:
        db.run_tx(tx, "load_lock")
        for m in db.run_tx(tx, "alias_merges_of", {"name": name}):
            if m["undo"]:
                merge.undo(tx, m["old"], m["new"], m["undo"])
            change.actor = m["new"]
            change.merged.append(m["old"])
        existed = db.run_tx(tx, "alias_remove", {"name": name})[0]["existed"]
        if not existed:
            names = [r["name"] for r in db.run_tx(tx, "alias_list")]
            raise NotFound(f"no alias {name!r}",
                           "`kb alias list` shows the aliases" + (
                               f" ({len(names)})." if names else "; there are none yet."))
        changes.append(tx, changes.Change(
            changes.os_author(), "cli", "alias",
            f"alias {name!r} removed" + (f"; split {', '.join(change.merged)} out again"
                                         if change.merged else "")))
        tx.commit()
    if change.merged:
        events.publish(events.Committed(driver, settings, "alias remove"))
    return change


def distinct(driver: Driver, a: str, b: str, settings: Settings | None = None) -> None:
    """Record that actors `a` and `b` are different; NotFound for an id that is no actor."""
    settings = settings or get_settings()
    if a == b:
        raise KBError(f"{a!r} and {b!r} are the same id; give two different actors")
    found = {r["id"]: r["label"] for r in db.run(driver, "load_lookup_nodes",
                                                   {"ids": [a, b]}, settings=settings)}
    for x in (a, b):
        if found.get(x) != "Actor":
            raise NotFound(f"no actor {x!r}", "The likely-duplicates list after an import names "
                           "actors by id in brackets.")
    lo, hi = sorted((a, b))
    db.run(driver, "alias_distinct_add", {"a": lo, "b": hi}, settings=settings)


def distinct_pairs(driver: Driver, settings: Settings | None = None) -> set[tuple[str, str]]:
    """Pairs of actor ids marked as different (sorted within each pair)."""
    return {(r["a"], r["b"]) for r in db.run(driver, "alias_distinct_list", settings=settings)}
