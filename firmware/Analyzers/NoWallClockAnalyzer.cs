using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Tocsin.Firmware.Analyzers;

/// <summary>
/// TOC004: firmware logic is driven by Tick(nowMs) so the simulator and tests can control
/// time. Reading the wall clock, sleeping or owning a Timer hides time inside the logic,
/// so those members are rejected; device adapters supply time through IClock instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoWallClockAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NoWallClock);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        // Matched by bound symbol, not by name, so our own Now field or Sleep method stay legal.
        context.RegisterOperationAction(AnalyzePropertyReference, OperationKind.PropertyReference);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeMethodReference, OperationKind.MethodReference);
        context.RegisterOperationAction(AnalyzeObjectCreation, OperationKind.ObjectCreation);
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        if (property.IsStatic
            && IsType(property.ContainingType, "System", "DateTime")
            && property.Name is "Now" or "UtcNow" or "Today")
        {
            Report(context);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        if (IsThreadSleep(((IInvocationOperation)context.Operation).TargetMethod))
        {
            Report(context);
        }
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context)
    {
        // Passing Thread.Sleep as a delegate blocks just the same when it is invoked.
        if (IsThreadSleep(((IMethodReferenceOperation)context.Operation).Method))
        {
            Report(context);
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        if (IsType(context.Operation.Type, "System.Threading", "Timer"))
        {
            Report(context);
        }
    }

    private static bool IsThreadSleep(IMethodSymbol method) =>
        method.Name == "Sleep" && IsType(method.ContainingType, "System.Threading", "Thread");

    private static bool IsType(ITypeSymbol? type, string containingNamespace, string name) =>
        type is not null
        && type.Name == name
        && type.ContainingType is null
        && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

    private static void Report(OperationAnalysisContext context) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoWallClock, context.Operation.Syntax.GetLocation(), context.Operation.Syntax.ToString()));
}
