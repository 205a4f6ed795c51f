"""Reference values for statistics.test.ts, printed by SciPy 1.17.1 / NumPy with their defaults.

Run: python3 src/features/outcomes/statistics.reference.py [CASE ...]   (no argument: every case)
Each case prints its data and, with repr() (all 17 significant digits):
  scipy.stats.ttest_rel(after, before) -> statistic, df, pvalue; .confidence_interval(0.95) -> low, high
  numpy: mean(before), mean(after), mean(d), std(d, ddof=1), Cohen's dz = mean(d) / std(d, ddof=1)
  scipy.stats.wilcoxon(after, before) with its defaults (zero_method='wilcox', correction=False,
  method='auto') -> statistic, pvalue
"""
import json
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as st

assert scipy.__version__ == "1.17.1", scipy.__version__
warnings.simplefilter("ignore")  # n = 1 and zero-variance cases warn; the values are what we compare


def who5_like(n, shift):
    """WHO-5 percentage scores (multiples of 4, 0-100) with a deterministic change pattern."""
    before = [4 * ((7 * i + 3) % 20) for i in range(n)]
    after = [min(100, max(0, b + 4 * (((5 * i) % 7) - 3 + shift))) for i, b in enumerate(before)]
    return before, after


CASES = {
    # n = 2, no ties: exact
    "M": ([1, 2], [4, 8]),
    # ties among |d| (4, 4, 4), n = 8: complete permutation test
    "A": ([10, 12, 9, 14, 11, 13, 8, 15], [13, 14, 9.5, 18, 10, 17, 12, 21]),
    # WHO-5 percentages, ties, n = 10: permutation
    "B": ([52, 40, 68, 36, 60, 44, 56, 72, 48, 32], [60, 48, 72, 52, 56, 64, 68, 80, 60, 44]),
    # n = 6, no ties, no zeros: exact; and the same with the sign reversed (negative effect)
    "C": ([0, 0, 0, 0, 0, 0], [1, -2, 3, 4, 5, 6]),
    "Cneg": ([1, -2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]),
    # n = 20, no ties: exact
    "D": ([0] * 20, [i * (-1 if i in (3, 7, 11) else 1) for i in range(1, 21)]),
    # n = 30, no ties: exact (n <= 50)
    "E": ([0] * 30, [i * (-1 if i % 4 == 0 else 1) for i in range(1, 31)]),
    # two zero differences, n = 7: permutation
    "F": ([5, 5, 5, 5, 5, 5, 5], [5, 5, 7, 2, 9, 8, 6]),
    # ties, n = 13 (largest permutation case)
    "G": who5_like(13, 1),
    # ties, n = 14: normal approximation, no continuity correction
    "H": who5_like(14, 1),
    # one zero and no ties, n = 14: normal approximation (zeros)
    "I": ([0] * 14, [0] + [i * (-1 if i in (2, 9) else 1) for i in range(1, 14)]),
    # one zero and no ties, n = 12: permutation (zeros)
    "Iz": ([0] * 12, [0] + [i * (-1 if i in (2, 9) else 1) for i in range(1, 12)]),
    # n = 50, all positive, no ties: exact, p = 2 / 2^50
    "J": ([0] * 50, list(range(1, 51))),
    # n = 51, no ties: normal approximation (n > 50)
    "K": ([0] * 51, [i * (-1 if i % 5 == 0 else 1) for i in range(1, 52)]),
    # n = 60 WHO-5-like, many ties and zeros, clear improvement: normal approximation, small p
    "L": who5_like(60, 2),
    # n = 40 WHO-5-like, deterioration (negative effect), ties and zeros
    "N": who5_like(40, -1),
    # n = 25, nearly constant large change: tiny t-test p-value; no ties: exact Wilcoxon p = 2 / 2^25
    "O": ([0] * 25, [10 + 0.01 * i for i in range(25)]),
    # n = 120, nearly constant change with ties: tiny p-values in both tests (normal approximation)
    "P": ([0] * 120, [5 + (i % 3) for i in range(120)]),
    # n = 1 and all differences zero (SciPy's values; our functions withhold these, see statistics.ts)
    "n1": ([40], [60]),
    "zeros": ([1, 2, 3], [1, 2, 3]),
}


def show(name):
    b, a = CASES[name]
    b = np.array(b, float)
    a = np.array(a, float)
    d = a - b
    r = st.ttest_rel(a, b)
    ci = r.confidence_interval(0.95)
    w = st.wilcoxon(a, b)
    sdd = d.std(ddof=1) if len(d) > 1 else float("nan")
    out = {
        "before": b.tolist(), "after": a.tolist(),
        "t": repr(float(r.statistic)), "df": int(r.df), "p": repr(float(r.pvalue)),
        "ciLow": repr(float(ci.low)), "ciHigh": repr(float(ci.high)),
        "meanBefore": repr(float(b.mean())), "meanAfter": repr(float(a.mean())), "meanChange": repr(float(d.mean())),
        "sdChange": repr(float(sdd)), "dz": repr(float(d.mean() / sdd)),
        "wStat": repr(float(w.statistic)), "wP": repr(float(w.pvalue)),
    }
    print(name, json.dumps(out))


def random_cases(count=60, seed=20261202):
    """Random paired data: WHO-5 percentages (many ties and zeros) and continuous scores, n from 2 to 70,
    so that every branch of wilcoxon's method='auto' is met. Printed as one JSON array (statistics.test.ts)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        n = int(rng.integers(2, 71))
        if i % 2 == 0:
            b = rng.integers(0, 26, n) * 4.0
            a = np.clip(b + rng.integers(-3, 5, n) * 4.0, 0, 100)
        else:
            b = np.round(rng.normal(50, 15, n), 3)
            a = np.round(b + rng.normal(float(rng.normal(0, 5)), 8, n), 3)
        if np.all(a == b) or len(set((a - b).tolist())) == 1:
            a[0] += 4
        r = st.ttest_rel(a, b)
        ci = r.confidence_interval(0.95)
        w = st.wilcoxon(a, b)
        out.append({"before": b.tolist(), "after": a.tolist(), "t": float(r.statistic), "p": float(r.pvalue),
                    "ciLow": float(ci.low), "ciHigh": float(ci.high), "wStat": float(w.statistic), "wP": float(w.pvalue)})
    # json.dumps writes floats with repr(): every digit SciPy printed
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1:] == ["--random"]:
        random_cases()
    else:
        for name in sys.argv[1:] or CASES:
            show(name)
