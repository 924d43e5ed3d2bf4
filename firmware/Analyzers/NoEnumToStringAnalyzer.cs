using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Tocsin.Firmware.Analyzers;

/// <summary>
/// TOC003: nanoFramework strips enum member names, so every implicit or explicit enum-to-text
/// conversion yields a number on the device while printing the name on the desktop. Tests
/// would pass and the device would send "2"; the rule forces an explicit mapping instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoEnumToStringAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NoEnumToString);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        // Operations rather than syntax: only the semantic model knows an expression is an enum.
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.Interpolation);
        context.RegisterOperationAction(AnalyzeConcatenation, OperationKind.Binary);
        context.RegisterOperationAction(AnalyzeCompoundConcatenation, OperationKind.CompoundAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "ToString" && IsEnum(invocation.Instance))
        {
            Report(context, invocation);
        }
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var interpolation = (IInterpolationOperation)context.Operation;
        if (IsEnum(interpolation.Expression))
        {
            Report(context, interpolation.Expression);
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type))
        {
            ReportEnumOperand(context, binary.LeftOperand);
            ReportEnumOperand(context, binary.RightOperand);
        }
    }

    private static void AnalyzeCompoundConcatenation(OperationAnalysisContext context)
    {
        // text += state; is the same concatenation written as an assignment.
        var assignment = (ICompoundAssignmentOperation)context.Operation;
        if (assignment.OperatorKind == BinaryOperatorKind.Add && IsString(assignment.Target.Type))
        {
            ReportEnumOperand(context, assignment.Value);
        }
    }

    private static void ReportEnumOperand(OperationAnalysisContext context, IOperation operand)
    {
        if (IsEnum(operand))
        {
            Report(context, operand);
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation operation) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoEnumToString, operation.Syntax.GetLocation(), operation.Syntax.ToString()));

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsEnum(IOperation? operation)
    {
        // string + enum boxes the enum to object first; look through the compiler's implicit
        // conversions to the expression as written.
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation?.Type?.TypeKind == TypeKind.Enum;
    }
}
