using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Nabla.Analyzers;

/// <summary>
/// NABLA0001: the <see cref="System.IDisposable"/> scope returned by <c>Nabla.Autograd.NoGrad()</c>,
/// <c>EnableGrad()</c>, <c>InferenceMode(...)</c> or <c>DetectAnomaly(...)</c> is dropped (a bare call statement,
/// <c>_ = ...</c>, or a void lambda's expression body), so the mode it set stays in force for the rest of the flow.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedGradModeScopeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic id, NABLA0001.</summary>
    public const string DiagnosticId = "NABLA0001";

    // Only these return a scope that has to be disposed; SetGradEnabled(bool) is PyTorch's function form and a plain
    // call is meant to stay in force, and the wrapper overloads (NoGrad(f) ...) return a Func or an Action.
    static readonly ImmutableHashSet<string> ScopeMethods =
        ImmutableHashSet.Create("NoGrad", "EnableGrad", "InferenceMode", "DetectAnomaly");

#pragma warning disable RS1032 // the "..." inside the suggested block reads to RS1032 as a sentence end; it is one sentence
    static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        title: "A grad-mode scope is discarded",
        messageFormat: "The scope returned by {0} is discarded, so grad mode stays changed for the rest of the flow; " +
                       "write 'using var _ = {0};' or 'using ({0}) {{ ... }}'",
        category: "Usage",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Autograd.NoGrad(), EnableGrad(), InferenceMode(...) and DetectAnomaly(...) change grad mode " +
                     "until the IDisposable they return is disposed. Dropping it (a bare call, '_ = ...') leaves the " +
                     "mode changed for the rest of the async flow, where PyTorch's bare torch.no_grad() changes " +
                     "nothing. Use the scope with 'using'; a plain Autograd.SetGradEnabled(bool) call is the " +
                     "intended way to change the mode for the rest of the enclosing scope. See the Nabla README, " +
                     "\"A discarded scope is a warning (NABLA0001)\".");
#pragma warning restore RS1032

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var autograd = start.Compilation.GetTypeByMetadataName("Nabla.Autograd");
            var disposable = start.Compilation.GetSpecialType(SpecialType.System_IDisposable);
            if (autograd is null)
                return;
            start.RegisterOperationAction(c => Analyze(c, autograd, disposable), OperationKind.Invocation);
        });
    }

    static void Analyze(OperationAnalysisContext context, INamedTypeSymbol autograd, INamedTypeSymbol disposable)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!ScopeMethods.Contains(method.Name)
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, autograd)
            || !SymbolEqualityComparer.Default.Equals(method.ReturnType, disposable)
            || !IsDiscarded(invocation))
            return;
        var arguments = invocation.Syntax is InvocationExpressionSyntax { ArgumentList: var list } ? list.ToString() : "()";
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), $"Autograd.{method.Name}{arguments}"));
    }

    /// <summary>True when the value of <paramref name="operation"/> is dropped rather than kept or returned.</summary>
    static bool IsDiscarded(IOperation operation)
    {
        var value = operation;
        // A value chosen by ?:, ?? or a switch expression, or converted, is dropped when the whole expression is.
        while (value.Parent is { } parent && parent switch
               {
                   IConversionOperation => true,
                   IConditionalOperation c => c.Condition != value,
                   ICoalesceOperation => true,
                   ISwitchExpressionArmOperation arm => arm.Value == value,
                   ISwitchExpressionOperation s => s.Value != value,
                   _ => false,
               })
            value = value.Parent;
        return value.Parent switch
        {
            // `Autograd.NoGrad();`, also the implicit statement of `() => Autograd.NoGrad()` as an Action.
            IExpressionStatementOperation => true,
            // `_ = Autograd.NoGrad();` (a local named `_` is a real variable and keeps the scope).
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment =>
                assignment.Value == value && assignment.Parent is IExpressionStatementOperation,
            _ => false,
        };
    }
}
