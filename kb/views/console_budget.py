"""The console's budget: what a query may cost, judged from its text before Neo4j sees it.

Neo4j stops a query at its timeout between rows, and counts the memory its operators (collect,
sort, aggregation) use against the transaction limits. It does neither inside one expression:
a list comprehension or `reduce` nested in another, or a value that doubles with each step,
runs to the end (or to an OutOfMemoryError) however long it takes, and the server spends a
core on it after the panel has given up. So the budget refuses, with a reason:

- queries longer than MAX_CHARS, nesting brackets deeper than MAX_DEPTH, or with more than
  MAX_TERMS `AND`/`OR`/`XOR`/`+` terms (Neo4j's parser overflows its stack on these);
- a literal `range()` of more than MAX_RANGE elements;
- list iterations (`[x IN list | ...]`, `reduce`, `any`/`all`/`none`/`single`) nested so that
  the innermost could run more than MAX_WORK steps, counting a list whose size the text does
  not show (a variable, `collect(...)`, a property) as MAX_RANGE elements;
- a `range()` whose bounds are neither whole numbers, parameters holding whole numbers, nor
  built from `size(...)`: the text must show how long the list can be;
- a `reduce` whose expression uses its accumulator twice (or inside `replace`) over more than
  MAX_DOUBLINGS steps, and more than MAX_DOUBLINGS self-additions (`s + s`) in the whole
  query: the value can double with each one.

The first two are exact; the last two are estimates on the safe side, so a query that nests
lists of unknown size is refused even when its lists are small. `UNWIND` the outer list
instead: `UNWIND` is an operator, and Neo4j stops it at the timeout.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any

from kb.errors import KBError

MAX_CHARS = 20_000  # a query longer than this is not something a person typed
MAX_DEPTH = 64  # brackets inside brackets: Neo4j's parser overflows its stack past a few 1,000
MAX_TERMS = 1_000  # AND / OR / XOR / + terms in one query
MAX_RANGE = 1_000_000  # elements a literal range() may produce
MAX_WORK = 10_000_000  # steps nested list iterations may take for one row
MAX_DOUBLINGS = 10  # steps that may each double a value: 2^10 x a 20,000-character string
SMALL_LISTS = 10  # taken as the length of labels(), keys(), nodes(), relationships()


class Refused(KBError):
    """The console will not run this query; `reason` says why."""

    exit_code = 2

    def __init__(self, reason: str, code: str = "refused") -> None:
        super().__init__(reason)
        self.code = code


def strip_literals(cypher: str) -> str:
    """The query with string literals, quoted names and comments blanked out with spaces, so
    every remaining character keeps its position."""
    out = list(cypher)
    i, n = 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if cypher.startswith("//", i):
            j = cypher.find("\n", i)
            j = n if j < 0 else j
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif ch in "'\"`":
            j = i + 1
            while j < n and cypher[j] != ch:
                j += 2 if cypher[j] == "\\" else 1
            j = min(j + 1, n)
        else:
            i += 1
            continue
        for k in range(i, j):
            if out[k] != "\n":
                out[k] = " "
        i = j
    return "".join(out)


_TERMS = re.compile(r"\b(?:AND|OR|XOR)\b|\+", re.I)
_COMPREHENSION = re.compile(r"\[\s*([A-Za-z_]\w*)\s+IN\b", re.I)
_QUANTIFIER = re.compile(r"\b(?:any|all|none|single)\s*(\()\s*([A-Za-z_]\w*)\s+IN\b", re.I)
_REDUCE = re.compile(r"\breduce\s*(\()\s*([A-Za-z_]\w*)\s*=", re.I)
_REDUCE_VAR = re.compile(r",\s*([A-Za-z_]\w*)\s+IN\b", re.I)
_SOURCE_END = re.compile(r"\||\bWHERE\b", re.I)
_WHOLE_RANGE = re.compile(r"^range\s*\(\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)$", re.I)
_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div)
_ANY_RANGE = re.compile(r"\brange\s*\(", re.I)
# Whole numbers, $parameters and size(...) combined with + - * / and brackets.
_RANGE_ARGS = re.compile(r"(?:\s|\d|[-+*/,()]|\$[A-Za-z_]\w*|\bsize\s*\([^()]*\))*")
_SELF_ADD = re.compile(r"\b([A-Za-z_]\w*)\s*[+*]\s*\1\b")
_SMALL = re.compile(r"^(?:labels|keys|nodes|relationships)\s*\(", re.I)


def range_size(start: int, end: int, step: int) -> int:
    """How many elements Cypher's range(start, end, step) has."""
    step = step or 1
    return max(0, (end - start) // step + 1)


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


@dataclass
class _Loop:
    """One list iteration: its brackets, the list it walks, and what it does per element."""

    kind: str  # "the list comprehension", "reduce()", "any()" ...
    var: str
    open: int
    close: int
    source: tuple[int, int]  # the list expression, as positions in the query
    accumulator: str | None = None

    def body(self) -> tuple[int, int]:
        return self.source[1], self.close


def _matches(bare: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(bare):
        if ch in "([{":
            stack.append(i)
        elif ch in ")]}" and stack:
            pairs[stack.pop()] = i
    return pairs


def _source_end(bare: str, start: int, close: int, pairs: dict[int, int]) -> int:
    """Where the list expression that starts at `start` ends: at the first `|` or WHERE on
    its own level, or at the closing bracket."""
    i = start
    while i < close:
        if bare[i] in "([{":
            i = pairs.get(i, close) + 1
            continue
        m = _SOURCE_END.match(bare, i)
        if m and (m.group(0) == "|" or (i == 0 or not (bare[i - 1].isalnum()
                                                       or bare[i - 1] == "_"))):
            return i
        i += 1
    return close


def _loops(bare: str, pairs: dict[int, int]) -> list[_Loop]:
    loops: list[_Loop] = []
    for m in _COMPREHENSION.finditer(bare):
        close = pairs.get(m.start())
        if close is not None:
            loops.append(_Loop("the list comprehension", m.group(1), m.start(), close,
                               (m.end(), _source_end(bare, m.end(), close, pairs))))
    for m in _QUANTIFIER.finditer(bare):
        close = pairs.get(m.start(1))
        if close is not None:
            kind = bare[m.start():m.start(1)].strip().lower()
            loops.append(_Loop(kind + "()", m.group(2), m.start(1), close,
                               (m.end(), _source_end(bare, m.end(), close, pairs))))
    for m in _REDUCE.finditer(bare):
        close = pairs.get(m.start(1))
        if close is None:
            continue
        # The iteration variable follows the accumulator's initial value, on the reduce's
        # own bracket level.
        i = m.end()
        while i < close:
            if bare[i] in "([{":
                i = pairs.get(i, close) + 1
                continue
            v = _REDUCE_VAR.match(bare, i)
            if v:
                loops.append(_Loop("reduce()", v.group(1), m.start(1), close,
                                   (v.end(), _source_end(bare, v.end(), close, pairs)),
                                   accumulator=m.group(2)))
                break
            i += 1
    return loops


def _size(text: str, pairs_at: dict[int, int], offset: int) -> int | None:
    """Elements of the list expression `text`, when the text shows them; else None."""
    t = text.strip()
    m = _WHOLE_RANGE.match(t)
    if m:
        return range_size(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    if _SMALL.match(t):
        return SMALL_LISTS
    lead = len(text) - len(text.lstrip())
    if t.startswith("[") and pairs_at.get(offset + lead) == offset + lead + len(t) - 1:
        inner = t[1:-1]
        if _COMPREHENSION.match(t):
            return None
        if not inner.strip():
            return 0
        depth, items = 0, 1
        for ch in inner:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            elif ch == "," and depth == 0:
                items += 1
        return items
    return None


def _evaluate(args: str, params: dict[str, Any]) -> tuple[int, int, int] | None:
    """range()'s (start, end, step) from whole numbers, integer parameters and + - * / ( );
    None when it is anything else."""
    def value(node: ast.AST) -> int:
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.Name) and type(params.get(node.id)) is int:
            return int(params[node.id])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            v = value(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp) and isinstance(node.op, _OPS):
            left, right = value(node.left), value(node.right)
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                if abs(left) > 10**12 or abs(right) > 10**12:
                    raise ValueError("too large to follow")
                return left * right
            return int(left / right) if right else 0
        raise ValueError("not a whole number")

    try:
        tree = ast.parse("(" + args.replace("$", "") + ",)", mode="eval").body
        if not isinstance(tree, ast.Tuple) or len(tree.elts) not in (2, 3):
            return None
        got = [value(e) for e in tree.elts]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return got[0], got[1], got[2] if len(got) == 3 else 1


def _limits(cypher: str, bare: str, params: dict[str, Any], pairs: dict[int, int]) -> None:
    if len(cypher) > MAX_CHARS:
        raise Refused(f"the query is {len(cypher):,} characters; the console takes at most "
                      f"{MAX_CHARS:,}", "too_long")
    depth = deepest = 0
    for ch in bare:
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise Refused(f"the query nests brackets {deepest:,} deep; the console takes at most "
                      f"{MAX_DEPTH}", "too_deep")
    terms = len(_TERMS.findall(bare))
    if terms > MAX_TERMS:
        raise Refused(f"the query has {terms:,} AND/OR/XOR/+ terms; the console takes at most "
                      f"{MAX_TERMS:,}", "too_many_terms")
    for m in _ANY_RANGE.finditer(bare):
        close = pairs.get(m.end() - 1, len(bare))
        args = bare[m.end():close]
        if not _RANGE_ARGS.fullmatch(args):
            raise Refused(f"range() at {_where(cypher, m.start())} has bounds the console "
                          "cannot size before running it; write them as whole numbers, "
                          "parameters or size(...) arithmetic", "unsized_range")
        if "size" in args.lower():
            continue  # bounded by a list that exists already
        bounds = _evaluate(args, params)
        if bounds is None:
            raise Refused(f"range() at {_where(cypher, m.start())} has bounds the console "
                          "cannot size before running it (a parameter that is not a whole "
                          "number, or arithmetic it cannot follow)", "unsized_range")
        size = range_size(*bounds)
        if size > MAX_RANGE:
            raise Refused(f"range({bounds[0]}, {bounds[1]}) has {size:,} elements; the "
                          f"console allows at most {MAX_RANGE:,} in one range", "too_large")
    doublings = len(_SELF_ADD.findall(bare))
    if doublings > MAX_DOUBLINGS:
        raise Refused(f"the query adds a value to itself {doublings} times, which can double "
                      f"it each time; the console allows at most {MAX_DOUBLINGS}",
                      "grows_too_fast")

def _work(cypher: str, bare: str, pairs: dict[int, int]) -> None:
    loops = _loops(bare, pairs)
    sizes: list[int | None] = [
        _size(bare[lo.source[0]:lo.source[1]], pairs, lo.source[0]) for lo in loops]
    for k, lo in enumerate(loops):
        size = sizes[k]
        steps = MAX_RANGE if size is None else size
        outer = [j for j, o in enumerate(loops)
                 if j != k and o.body()[0] <= lo.open and lo.close <= o.body()[1]]
        for j in outer:
            s = sizes[j]
            steps *= MAX_RANGE if s is None else s
        if steps > MAX_WORK and outer:
            j = min(outer, key=lambda j: loops[j].open)
            inner = lo.kind[0].upper() + lo.kind[1:]
            unknown = size is None or any(sizes[i] is None for i in outer)
            raise Refused(
                f"{inner} over {lo.var} ({_where(cypher, lo.open)}) runs once for every "
                f"element of {loops[j].kind} over {loops[j].var} around it "
                f"({_where(cypher, loops[j].open)})"
                + (", and the query does not show how long those lists are" if unknown
                   else f": {steps:,} steps")
                + f"; the console allows at most {MAX_WORK:,} nested steps, because Neo4j "
                "cannot stop a loop inside one expression at the timeout. UNWIND the outer "
                "list instead: Neo4j stops UNWIND at the timeout", "too_much_work")
        if lo.accumulator:
            body = bare[lo.body()[0]:lo.body()[1]]
            uses = len(re.findall(rf"\b{re.escape(lo.accumulator)}\b", body))
            acc = re.escape(lo.accumulator)
            grows = ((uses >= 2 and re.search(r"[+*]", body))
                     or re.search(rf"\breplace\s*\(\s*{acc}\b", body, re.I))
            if grows and (size is None or size > MAX_DOUBLINGS):
                raise Refused(
                    f"reduce over {lo.var} ({_where(cypher, lo.open)}) "
                    + (f"uses its accumulator {lo.accumulator} {uses} times"
                       if uses >= 2 else "calls replace() on its accumulator")
                    + ", so its value can double with each step, over "
                    + ("a list whose length the query does not show" if size is None
                       else f"{size:,} steps")
                    + f"; the console allows such a reduce at most {MAX_DOUBLINGS} steps",
                    "grows_too_fast")


def budget(cypher: str, bare: str, params: dict[str, Any] | None = None) -> None:
    """Refuse what would cost the server far more than a console answer is worth, before the
    server sees it (see the module's docstring for the rules); `params` are the query's
    parameters, for range() bounds given as parameters."""
    pairs = _matches(bare)
    _limits(cypher, bare, params or {}, pairs)
    _work(cypher, bare, pairs)
