"""The planner's choice (kb.analysis.plan.knapsack) against brute force over every way of
picking at most one option per component, on random small cases."""

from __future__ import annotations

import itertools
import random

import pytest

from kb.analysis.plan import knapsack


def brute_force(groups: dict[str, list[tuple[int, float, float]]], budget: float) -> float:
    """The best total gain: every combination of one option or none per group."""
    names = sorted(groups)
    best = 0.0
    for pick in itertools.product(*[[None, *groups[g]] for g in names]):
        chosen = [o for o in pick if o is not None]
        if sum(o[1] for o in chosen) <= budget + 1e-9:
            best = max(best, sum(o[2] for o in chosen))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_the_exact_choice_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 7)  # with up to 3 options each: up to 4^7 = 16,384 combinations
    groups = {f"c{i}": [(m, float(rng.randint(1, 40) * m), float(rng.randint(0, 50) * m))
                        for m in sorted(rng.sample([1, 2, 3, 6], rng.randint(1, 3)))]
              for i in range(n)}
    budget = float(rng.randint(5, 200))
    picks = knapsack(groups, budget)
    options = {g: {m: (c, v) for m, c, v in opts} for g, opts in groups.items()}
    assert sum(options[g][m][0] for g, m in picks.items()) <= budget + 1e-9
    assert sum(options[g][m][1] for g, m in picks.items()) == pytest.approx(
        brute_force(groups, budget))


def test_fifteen_single_option_candidates_match_brute_force() -> None:
    rng = random.Random(15)
    groups = {f"c{i:02d}": [(12, float(rng.randint(10, 90)), float(rng.randint(1, 99)))]
              for i in range(15)}
    picks = knapsack(groups, 300.0)
    gain = sum(groups[g][0][2] for g in picks)
    assert gain == pytest.approx(brute_force(groups, 300.0))  # 2^15 subsets


def test_nothing_fits_or_nothing_helps() -> None:
    assert knapsack({"a": [(1, 500.0, 9.0)]}, 100.0) == {}
    assert knapsack({"a": [(1, 5.0, 0.0)]}, 100.0) == {}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_distinct_facts_by_counting_equal_numpys_unique(seed: int) -> None:
    import numpy as np

    from kb.analysis.fastrisk import _distinct

    rng = np.random.default_rng(seed)
    # a few of 5,376 values, as the facts of many components take, and every one of them
    for values in (rng.choice([3, 17, 400, 5375], size=10_000), rng.integers(0, 5376, 50_000)):
        distinct, which = _distinct(values, 5376)
        want_distinct, want_which = np.unique(values, return_inverse=True)
        assert distinct.tolist() == want_distinct.tolist()
        assert which.tolist() == want_which.tolist()
        assert (distinct[which] == values).all()
