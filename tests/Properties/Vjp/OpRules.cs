namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Every row of <see cref="GradcheckTable"/>, with one trial of each row per generated case: the output carries the
/// row's grad_fn, and the VJP and the JVP match central differences in Float64 (<see cref="Gradcheck.Verify"/>, which
/// also checks that each gradient and the tangent have their input's and the output's shape and dtype). A failure
/// lists every row that failed, with its trial in full.
/// </summary>
public sealed class OpRules
{
    static readonly Gen<Draw> Draws = Gen.CollectToArray(GradcheckTable.All, row => row.Trials).Select(trials => new Draw(trials));

    [Property]
    public Property Every_op_s_vjp_and_jvp_match_central_differences() =>
        Prop.ForAll(Draws.ToArbitrary(), draw =>
        {
            var failures = GradcheckTable.All.Zip(draw.Trials, Failure).OfType<string>().ToList();
            if (failures.Count > 0) throw new Xunit.Sdk.XunitException(string.Join(Environment.NewLine, failures));
        });

    // What is wrong with the row's op on this trial, or null.
    static string? Failure(GradcheckRow row, GradcheckTrial trial)
    {
        try
        {
            if (row.GradFn is { } expected)
            {
                var leaves = trial.Case.Inputs.Select(s => s.Leaf()).ToArray();
                var y = Autodiff.Eval(trial.Apply(leaves));
                var itsInput = row.MayReturnItsInput && leaves.Any(x => ReferenceEquals(x.Node, y.Node));
                if (!itsInput && y.Node?.Name != expected) return $"{row.Name}: grad_fn is {y.Node?.Name ?? "None"}, not {expected}, on {trial}";
            }
            Gradcheck.Verify(trial.Apply, trial.Case, trial.Epsilon);
            return null;
        }
        catch (Exception e)
        {
            return $"{row.Name}: {e.GetType().Name}: {e.Message} on {trial}";
        }
    }

    /// <summary>One trial per row; a failure prints the failing rows' trials, so this prints only their count.</summary>
    internal sealed record Draw(GradcheckTrial[] Trials)
    {
        public override string ToString() => $"one trial for each of the {Trials.Length} rows";
    }
}
