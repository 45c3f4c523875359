"""Validation of valuenet/1 files: every problem is reported with its location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.ingest.validate import validate_files

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "ebola-emr.yaml"


def write(tmp_path: Path, text: str, name: str = "eco.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


HEAD = "format: valuenet/1\necosystem: {id: t, name: T}\n"


def messages(path: Path) -> list[str]:
    return [str(p) for p in validate_files([path]).problems]


def test_demo_is_valid_offline() -> None:
    result = validate_files([DEMO])
    assert result.problems == []
    counts = {s: len(v) for s, v in result.sources[0].sections.items()}
    # Counted by hand in examples/ebola-emr.yaml.
    assert counts == {"actors": 15, "products": 3, "components": 8, "relies_on": 3,
                      "maintenance": 9, "agreements": 5, "fundings": 8, "involvement": 7,
                      "exchanges": 9, "decisions": 3, "ties": 11}


def test_many_errors_are_all_reported_with_locations(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD.replace("name: T}", "name: T, currency: XXY}") + """
actors:
  - {id: a, name: A, kind: org}
  - {id: a, name: A again, kind: business}
  - {id: b, name: B, kind: business}
components:
  - {id: c, name: C, depends_on: [nowhere]}
fundings:
  - {id: f1, from: b, to: b, amount: -3, kind: grant, purpose: maintenance}
  - {id: f2, from: b, to: b, kind: grant, purpose: maintenance, start: 2024-13-01}
  - {id: f3, from: b, to: b, kind: grant, purpose: maintenance, currency: ABC}
  - {id: f4, from: b, to: b, kind: grant, purpose: maintenance, start: 2024-05-01, end: 2024-01-01}
maintenance:
  - {actor: b, component: c, role: boss, paid: false}
""")
    msgs = messages(p)
    f = str(p)
    assert msgs == [
        f"{f}: ecosystem field 'currency': unknown ISO 4217 currency 'XXY'",
        f"{f}: actors[0] (id=a) field 'kind': input should be 'individual', 'group', "
        "'organization', 'umbrella', 'business', 'government' or 'civil_society', got 'org'",
        f"{f}: actors[1] (id=a) field 'id': duplicate id; already used by actors[0]",
        f"{f}: components[0] (id=c) field 'depends_on': unknown id 'nowhere': no record in "
        "components of the loaded files or the knowledge base has it",
        f"{f}: maintenance[0] field 'role': input should be 'lead', 'core' or 'contributor', "
        "got 'boss'",
        f"{f}: fundings[0] (id=f1) field 'amount': must not be negative, got -3",
        f"{f}: fundings[1] (id=f2) field 'start': not a valid YYYY-MM-DD date: '2024-13-01'",
        f"{f}: fundings[2] (id=f3) field 'currency': unknown ISO 4217 currency 'ABC'",
        f"{f}: fundings[3] (id=f4) field 'end': end 2024-01-01 is before start 2024-05-01",
    ]


def test_missing_id_and_unknown_field(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + "actors:\n  - {name: A, kind: group, colour: red}\n")
    assert messages(p) == [
        f"{p}: actors[0] field 'colour': unknown field; valid fields are country, id, kind, "
        "member_of, name",
        f"{p}: actors[0] field 'id': required field is missing",
    ]


def test_subgrant_cycle(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + """
actors: [{id: a, name: A, kind: group}]
fundings:
  - {id: f1, from: a, to: a, kind: grant, purpose: product, parent: f3}
  - {id: f2, from: a, to: a, kind: subgrant, purpose: product, parent: f1}
  - {id: f3, from: a, to: a, kind: subgrant, purpose: product, parent: f2}
""")
    assert messages(p) == [
        f"{p}: fundings[0] (id=f1) field 'parent': sub-grant cycle: f1 -> f3 -> f2 -> f1; "
        "a funding cannot pass on money it receives from itself"
    ]


def test_reference_to_wrong_kind_of_record(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + """
actors: [{id: a, name: A, kind: group}]
products: [{id: p, name: P, owner: a, built_on: [a]}]
""")
    assert messages(p) == [
        f"{p}: products[0] (id=p) field 'built_on': 'a' is a record of actors, but must be "
        "one of components"
    ]


def test_malformed_yaml_gives_line(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + "actors:\n  - {id: a, name: [unclosed\n")
    (problem,) = validate_files([p]).problems
    assert problem.line == 5
    assert str(problem).startswith(f"{p}:5: malformed YAML")


def test_malformed_json_gives_line(tmp_path: Path) -> None:
    p = write(tmp_path, '{\n "format": "valuenet/1",\n "ecosystem": {"id": "x",}\n}', "e.json")
    (problem,) = validate_files([p]).problems
    assert problem.line == 3
    assert "malformed JSON" in str(problem)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "the file is empty (0 bytes)"),
    (b"\x00\x01\x02binary", "this is a binary file, not YAML or JSON"),
    (b"- just\n- a list\n", "the top level must be a mapping with 'format: valuenet/1', got list"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "x.yaml"
    p.write_bytes(content)
    assert messages(p) == [f"{p}: {reason}"]


def test_wrong_format_and_unknown_section(tmp_path: Path) -> None:
    p = write(tmp_path, "format: valuenet/9\necosystem: {id: t, name: T}\npeople: []\n")
    assert messages(p) == [
        f"{p}: field 'format': must be 'valuenet/1', got 'valuenet/9'",
        f"{p}: field 'people': unknown section; valid sections are ecosystem, actors, products, "
        "components, relies_on, maintenance, agreements, fundings, involvement, exchanges, "
        "decisions, ties",
    ]


def test_references_across_files_and_duplicates_between_files(tmp_path: Path) -> None:
    a = write(tmp_path, HEAD + "actors: [{id: a, name: A, kind: group}]\n", "a.yaml")
    b = write(tmp_path, "format: valuenet/1\necosystem: {id: u, name: U}\n"
              "products: [{id: p, name: P, owner: a}]\n", "b.yaml")
    assert validate_files([a, b]).problems == []
    c = write(tmp_path, "format: valuenet/1\necosystem: {id: v, name: V}\n"
              "actors: [{id: a, name: A2, kind: group}]\n", "c.yaml")
    assert [str(p) for p in validate_files([a, c]).problems] == [
        f"{c}: actors[0] (id=a) field 'id': duplicate id; already used by actors[0] of {a}"
    ]


def test_references_resolve_into_the_knowledge_base(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + "products: [{id: p, name: P, owner: kb-actor, built_on: [kb-a]}]\n")
    asked: list[list[str]] = []

    def lookup(ids):  # type: ignore[no-untyped-def]
        asked.append(list(ids))
        return {"kb-actor": "Actor", "kb-a": "Actor"}

    msgs = [str(x) for x in validate_files([p], lookup).problems]
    assert asked == [["kb-a", "kb-actor"]]
    assert msgs == [f"{p}: products[0] (id=p) field 'built_on': 'kb-a' is a Actor in the "
                    "knowledge base, but must be one of components"]


def test_real_ids_such_as_package_urls_work(tmp_path: Path) -> None:
    data = {"format": "valuenet/1", "ecosystem": {"id": "npm", "name": "npm"},
            "components": [{"id": "pkg:npm/%40angular/core@17.0.0", "name": "@angular/core"},
                           {"id": "https://github.com/websockets/ws", "name": "ws",
                            "depends_on": ["pkg:npm/%40angular/core@17.0.0"]}]}
    p = write(tmp_path, json.dumps(data), "e.json")
    assert validate_files([p]).problems == []


def test_csv_folder(tmp_path: Path) -> None:
    d = tmp_path / "eco"
    d.mkdir()
    (d / "ecosystem.csv").write_text("id,name,currency\ncsv,CSV eco,EUR\n")
    (d / "actors.csv").write_text("id,name,kind,member_of\na,A,group,\nb,B,umbrella,\n"
                                  "c,C,nonsense,a;b\n")
    (d / "decisions.csv").write_text("id,topic,date,about,voices\n"
                                     "d1,Pick,2025-01-02,,a=decided;b=absent\n")
    result = validate_files([d])
    assert [str(p) for p in result.problems] == [
        f"{d / 'actors.csv'}:4: actors[2] (id=c) field 'kind': input should be 'individual', "
        "'group', 'organization', 'umbrella', 'business', 'government' or 'civil_society', "
        "got 'nonsense'"
    ]
    (d / "actors.csv").write_text("id,name,kind,member_of\na,A,group,\nb,B,umbrella,\n"
                                  "c,C,group,a;b\n")
    result = validate_files([d])
    assert result.problems == []
    src = result.sources[0]
    assert src.ecosystem["currency"] == "EUR"
    assert src.sections["actors"][2]["member_of"] == ["a", "b"]
    assert src.sections["decisions"][0]["voices"] == {"a": "decided", "b": "absent"}


# --- hostile and careless input: refused with where and what, never a traceback -------------

FUNDING = ("actors:\n  - {id: a, name: A, kind: organization}\n"
           "  - {id: b, name: B, kind: organization}\n"
           "fundings:\n  - {id: f, from: a, to: b, kind: grant, purpose: maintenance, "
           "amount: AMOUNT}\n")


@pytest.mark.parametrize("amount", [".inf", "-.inf", ".nan", "1e400"])
def test_non_finite_amounts_are_refused_where_they_are(tmp_path: Path, amount: str) -> None:
    p = write(tmp_path, HEAD + FUNDING.replace("AMOUNT", amount))
    (problem,) = validate_files([p]).problems
    assert problem.section == "fundings" and problem.field == "amount"
    assert "finite number" in problem.reason


@pytest.mark.parametrize("literal", ["Infinity", "-Infinity", "NaN", "1e999"])
def test_non_finite_amounts_in_json_too(tmp_path: Path, literal: str) -> None:
    text = ('{"format": "valuenet/1", "ecosystem": {"id": "t", "name": "T"},\n'
            '"actors": [{"id": "a", "name": "A", "kind": "organization"},\n'
            '           {"id": "b", "name": "B", "kind": "organization"}],\n'
            '"fundings": [{"id": "f", "from": "a", "to": "b", "kind": "grant",\n'
            f'              "purpose": "maintenance", "amount": {literal}}}]}}\n')
    (problem,) = validate_files([write(tmp_path, text, "e.json")]).problems
    assert (problem.section, problem.field) == ("fundings", "amount")
    assert "finite number" in problem.reason


def test_a_key_given_twice_in_yaml_is_refused_with_both_lines(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + "actors:\n  - {id: a, name: A, kind: group}\n"
              "products: []\nactors:\n  - {id: b, name: B, kind: group}\n")
    (problem,) = validate_files([p]).problems
    assert problem.line == 6
    assert problem.reason == "malformed YAML: duplicate key 'actors' (first on line 3)"


def test_a_key_given_twice_in_json_is_refused_with_its_line(tmp_path: Path) -> None:
    text = ('{"format": "valuenet/1",\n "ecosystem": {"id": "t", "name": "T"},\n'
            ' "actors": [],\n "actors": []}\n')
    (problem,) = validate_files([write(tmp_path, text, "e.json")]).problems
    assert problem.line == 4
    assert problem.reason == ("malformed JSON: duplicate key 'actors'; a key may appear once in "
                              "an object")


def test_control_characters_in_ids_and_names_are_refused(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + 'actors:\n  - {id: "a\\e[31m", name: A, kind: group}\n'
              '  - {id: b, name: "B\\0", kind: group}\n')
    found = {(x.record_id, x.field) for x in validate_files([p]).problems}
    assert found == {("a\x1b[31m", "id"), ("b", "name")}


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("big.json", '{"format": "valuenet/1", "n": ' + "9" * 5000 + "}",
     "a number with more digits than are read"),
    ("big.yaml", "format: valuenet/1\nn: " + "9" * 5000 + "\n",
     "a number with more digits than are read"),
])
def test_resource_bombs_are_refused_not_raised(tmp_path: Path, name: str, text: str,
                                               reason: str) -> None:
    (problem,) = validate_files([write(tmp_path, text, name)]).problems
    assert reason in problem.reason


def test_paid_by_must_name_fundings_of_a_paid_record(tmp_path: Path) -> None:
    p = write(tmp_path, HEAD + """
actors: [{id: a, name: A, kind: group}, {id: f, name: F, kind: organization}]
components: [{id: c, name: C}]
fundings: [{id: g, from: f, to: a, kind: grant, purpose: maintenance, for: [c]}]
maintenance:
  - {actor: a, component: c, role: lead, paid: false, paid_by: [g]}
  - {actor: f, component: c, role: core, paid: true, paid_by: [a, nope]}
""")
    assert messages(p) == [
        f"{p}: maintenance[0] field 'paid_by': names fundings that pay it, but paid is false; "
        "set paid: true or remove paid_by",
        f"{p}: maintenance[1] field 'paid_by': 'a' is a record of actors, but must be one of "
        "fundings",
        f"{p}: maintenance[1] field 'paid_by': unknown id 'nope': no record in fundings of the "
        "loaded files or the knowledge base has it",
    ]
