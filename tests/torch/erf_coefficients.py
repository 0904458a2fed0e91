"""The coefficient tables of Nabla's erf (src/Core.Functional/Numerics/Elementwise.Vocabulary.cs), and their accuracy.

Run with /usr/bin/python3 tests/torch/erf_coefficients.py (needs mpmath, which Debian's python3-torch brings along).
Prints ErfNearZero: (2/sqrt(pi)) (-1)^n / (n! (2n+1)) for n = 0..12, and ErfTaylor: erf^(k)(c)/k! for k = 0..20 about
c = 0.75, 1.25, ..., 5.75, each rounded to the nearest double from 300-bit arithmetic; then the largest error, in ulp
of the exact value, of the scheme evaluated in doubles (without fused multiply-adds, which only help) over a sweep of
[0, 6.5] and random points.
"""
import math
import random

import mpmath

mpmath.mp.prec = 300
DEGREE = 20
CENTRES = [0.75 + 0.5 * i for i in range(11)]
TAYLOR = [[float(c) for c in mpmath.taylor(mpmath.erf, mpmath.mpf(c), DEGREE)] for c in CENTRES]
NEAR_ZERO = [float(2 / mpmath.sqrt(mpmath.pi) * (-1) ** n / (mpmath.factorial(n) * (2 * n + 1))) for n in range(13)]


def erf(x):
    a = abs(x)
    if a >= 6:
        return math.copysign(1.0, x)
    if a < 0.5:
        z, s = a * a, NEAR_ZERO[-1]
        for b in reversed(NEAR_ZERO[:-1]):
            s = s * z + b
        return math.copysign(a * s, x)
    i = int((a - 0.5) * 2)
    h, s = a - CENTRES[i], TAYLOR[i][-1]
    for c in reversed(TAYLOR[i][:-1]):
        s = s * h + c
    return math.copysign(s, x)


def ulps(value, exact):
    exact = float(exact)
    return abs(value - exact) / math.ulp(exact) if exact != 0 else abs(value)


if __name__ == "__main__":
    print("ErfNearZero:", ", ".join(repr(v) for v in NEAR_ZERO))
    for c, t in zip(CENTRES, TAYLOR):
        print(f"ErfTaylor c = {c}:", ", ".join(repr(v) for v in t))
    random.seed(5)
    points = [k / 4000 * 6.5 for k in range(1, 26000)] + [random.uniform(0, 6.5) for _ in range(20000)]
    points += [10 ** random.uniform(-300, 0) for _ in range(5000)]
    print("largest error (ulp):", max(ulps(erf(x), mpmath.erf(mpmath.mpf(x))) for x in points))
