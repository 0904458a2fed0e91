namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>
/// An op's VJP against central finite differences: for a cotangent v and directions uᵢ drawn from the case's
/// seed, ⟨v, (f(x + εu) − f(x − εu)) / 2ε⟩ must equal Σᵢ ⟨x̄ᵢ, uᵢ⟩, the x̄ᵢ coming from <see cref="Backprop"/>.
/// </summary>
internal static class Gradcheck
{
    /// <summary>The default step, right for Float64.</summary>
    public const double Epsilon = 1e-6;

    /// <summary>
    /// Checks f's VJP at the case's inputs (a random non-empty subset of them requiring grad, all of them half of
    /// the time) and that each gradient has its input's shape and dtype; throws describing the mismatch.
    /// </summary>
    public static void Verify(Func<Expr[], Reader<GradEnv, Expr>> f, Case c, double epsilon = Epsilon)
    {
        var random = new Random(c.Seed);
        var inputs = c.Inputs;
        var requires = RequiresGrad(inputs.Length, random);
        var args = inputs.Select((s, i) => requires[i] ? s.Leaf() : s.Constant()).ToArray();
        var y = Autodiff.Eval(f(args));
        var v = Dyadic(random, y.Shape.Numel);
        var u = inputs.Select(s => Dyadic(random, s.Shape.Numel)).ToArray();

        // Forward mode first (backward frees the saved values): ⟨v, J·u⟩ from the ops' JVP rules.
        var forward = Forward(y, args, requires, u, inputs);

        var grads = Autodiff.Gradients(y, Expr.Constant(NdArray.From(v, y.Shape, y.DType)));
        var analytic = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!requires[i]) continue;
            var g = grads.GradOf(args[i]);
            if (!g.Shape.Equals(inputs[i].Shape) || g.DType != inputs[i].DType)
                throw new Xunit.Sdk.XunitException(
                    $"gradient {i} is {g.DType.Name()}{g.Shape}, input {i} is {inputs[i].DType.Name()}{inputs[i].Shape}");
            analytic += Dot(g.Value.ToDoubles(), u[i]);
        }

        var plus = Autodiff.Eval(f(Shifted(inputs, requires, u, epsilon))).Value.ToDoubles();
        var minus = Autodiff.Eval(f(Shifted(inputs, requires, u, -epsilon))).Value.ToDoubles();
        double numeric = 0, scale = 0;
        for (var k = 0; k < v.Length; k++)
        {
            numeric += v[k] * (plus[k] - minus[k]) / (2 * epsilon);
            scale += Math.Abs(v[k]) * (Math.Abs(plus[k]) + Math.Abs(minus[k])) / 2;
        }

        // Central differences err by O(ε²) from truncation and by about ulp(f)/ε from rounding: with ε = 1e-6
        // and |f| ≲ 10² that is ~1e-8 of the output scale, well inside these bounds; a wrong rule is off by O(1).
        var tolerance = 1e-7 + 1e-8 * scale + 1e-6 * Math.Max(Math.Abs(numeric), Math.Abs(analytic));
        if (!(Math.Abs(numeric - analytic) <= tolerance))
            throw new Xunit.Sdk.XunitException(
                $"VJP gives Σ⟨x̄ᵢ, uᵢ⟩ = {analytic:R}, central differences give {numeric:R} " +
                $"(difference {Math.Abs(numeric - analytic):E2}, tolerance {tolerance:E2}); requires grad: [{string.Join(", ", requires)}]");
        // The JVP along the same directions: ⟨v, J·u⟩ against the same central differences.
        var jvp = Dot(forward.Value.ToDoubles(), v);
        var forwardTolerance = 1e-7 + 1e-8 * scale + 1e-6 * Math.Max(Math.Abs(numeric), Math.Abs(jvp));
        if (!(Math.Abs(numeric - jvp) <= forwardTolerance))
            throw new Xunit.Sdk.XunitException(
                $"JVP gives ⟨v, J·u⟩ = {jvp:R}, central differences give {numeric:R} " +
                $"(difference {Math.Abs(numeric - jvp):E2}, tolerance {forwardTolerance:E2}); requires grad: [{string.Join(", ", requires)}]");
    }

    // ẏ for tangents uᵢ on the inputs that require grad. Every op has a JVP rule (Op.Jvp is abstract), so a
    // NotSupportedException here is a real failure, not a rule still to write.
    static Expr Forward(Expr y, Expr[] args, bool[] requires, double[][] u, Sample[] inputs)
    {
        var seeds = LanguageExt.Seq<(Node, Expr)>.Empty;
        for (var i = 0; i < args.Length; i++)
            if (requires[i]) seeds = seeds.Add((args[i].Node!, Expr.Constant(NdArray.From(u[i], inputs[i].Shape, inputs[i].DType))));
        var yDot = Autodiff.Eval(ForwardMode.Tangent(y, seeds));
        if (!yDot.Shape.Equals(y.Shape) || yDot.DType != y.DType)
            throw new Xunit.Sdk.XunitException($"tangent is {yDot.DType.Name()}{yDot.Shape}, output is {y.DType.Name()}{y.Shape}");
        return yDot;
    }

    // All inputs half of the time, otherwise a random non-empty subset, so rules for constants are skipped too.
    static bool[] RequiresGrad(int n, Random random)
    {
        if (n == 1 || random.Next(2) == 0) return Enumerable.Repeat(true, n).ToArray();
        var mask = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray();
        mask[random.Next(n)] = true;
        return mask;
    }

    // Multiples of 1/256 in [−1, 1]: shifts of Float32-exact values by a power-of-two ε stay exact.
    static double[] Dyadic(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => random.Next(-256, 257) / 256.0).ToArray();

    static Expr[] Shifted(Sample[] inputs, bool[] requires, double[][] u, double epsilon) =>
        inputs.Select((s, i) => requires[i] ? s.Shifted(epsilon, u[i]).Constant() : s.Constant()).ToArray();

    static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
