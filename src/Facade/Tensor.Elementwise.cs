using Nabla.Core;

namespace Nabla;

// The vocabulary's elementwise members (issue 13): each one line running a core op.
public sealed partial class Tensor
{
    /// <summary>ln(1 + x) elementwise, accurate for small x (Log1PBackward0).</summary>
    public Tensor Log1p() => Run(Core.Log1p.Apply(expr));

    /// <summary>eˣ − 1 elementwise, accurate for small x.</summary>
    public Tensor Expm1() => Run(Core.Expm1.Apply(expr));

    /// <summary>erf x = (2/√π) ∫₀ˣ e^(−s²) ds elementwise.</summary>
    public Tensor Erf() => Run(Core.Erf.Apply(expr));

    /// <summary>tan x elementwise.</summary>
    public Tensor Tan() => Run(Core.Tan.Apply(expr));

    /// <summary>arctan x elementwise, in (−π/2, π/2).</summary>
    public Tensor Atan() => Run(Core.Atan.Apply(expr));

    /// <summary>arcsin x elementwise, in [−π/2, π/2] (NaN outside [−1, 1]).</summary>
    public Tensor Asin() => Run(Core.Asin.Apply(expr));

    /// <summary>arccos x elementwise, in [0, π] (NaN outside [−1, 1]).</summary>
    public Tensor Acos() => Run(Core.Acos.Apply(expr));

    /// <summary>sinh x = (eˣ − e⁻ˣ)/2 elementwise.</summary>
    public Tensor Sinh() => Run(Core.Sinh.Apply(expr));

    /// <summary>cosh x = (eˣ + e⁻ˣ)/2 elementwise.</summary>
    public Tensor Cosh() => Run(Core.Cosh.Apply(expr));

    /// <summary>1/√x elementwise.</summary>
    public Tensor Rsqrt() => Run(Core.Rsqrt.Apply(expr));

    /// <summary>x² elementwise, as pow(x, 2) (PowBackward0); an Int64 tensor stays Int64.</summary>
    public Tensor Square() => Run(Core.Square.Apply(expr));

    /// <summary>1/x elementwise, in a floating dtype.</summary>
    public Tensor Reciprocal() => Run(Core.Reciprocal.Apply(expr));

    /// <summary>atan2(this, other) elementwise, the angle of the point (other, this) in (−π, π], broadcasting.</summary>
    public Tensor Atan2(Tensor other) => Run(Core.Atan2.Apply(expr, (other ?? throw new ArgumentNullException(nameof(other))).expr));

    /// <summary>sign x elementwise: −1, 0 or 1 (0 for NaN, as PyTorch); an Int64 tensor stays Int64; zero gradient.</summary>
    public Tensor Sign() => Run(Core.Sign.Apply(expr));

    /// <summary>⌊x⌋ elementwise; an Int64 tensor stays Int64; zero gradient.</summary>
    public Tensor Floor() => Run(Core.Floor.Apply(expr));

    /// <summary>⌈x⌉ elementwise; an Int64 tensor stays Int64; zero gradient.</summary>
    public Tensor Ceil() => Run(Core.Ceil.Apply(expr));

    /// <summary>x rounded to the nearest integer, halves to even (2.5 → 2, as PyTorch); an Int64 tensor stays Int64; zero gradient.</summary>
    public Tensor Round() => Run(Core.Round.Apply(expr));

    /// <summary>
    /// x rounded to <paramref name="decimals"/> decimal places (tens, hundreds, … for negative ones), halves to even, as
    /// torch.round(x, decimals=d) (RoundBackward1); floating tensors only; zero gradient.
    /// </summary>
    public Tensor Round(int decimals) => Run(Core.RoundDecimals.Apply(expr, decimals));

    /// <summary>max(a, b) elementwise, broadcasting (NaN propagates); at a tie each input gets half the gradient.</summary>
    public static Tensor Maximum(Tensor a, Tensor b) =>
        Run(Core.Maximum.Apply((a ?? throw new ArgumentNullException(nameof(a))).expr, (b ?? throw new ArgumentNullException(nameof(b))).expr));

    /// <summary>min(a, b) elementwise, broadcasting (NaN propagates); at a tie each input gets half the gradient.</summary>
    public static Tensor Minimum(Tensor a, Tensor b) =>
        Run(Core.Minimum.Apply((a ?? throw new ArgumentNullException(nameof(a))).expr, (b ?? throw new ArgumentNullException(nameof(b))).expr));
}
