using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tocsin.Firmware.Analyzers;

/// <summary>
/// TOC002: nanoFramework only supports single-dimension arrays, yet int[,] compiles, so the
/// failure would only show on the device. Jagged arrays (int[][]) work and are the replacement.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoMultidimensionalArraysAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NoMultidimensionalArrays);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        // A rank specifier covers both types (int[,] x) and creations (new int[2, 3]);
        // new[,] { ... } has no element type, so it needs its own check.
        context.RegisterSyntaxNodeAction(AnalyzeRank, SyntaxKind.ArrayRankSpecifier);
        context.RegisterSyntaxNodeAction(AnalyzeImplicitCreation, SyntaxKind.ImplicitArrayCreationExpression);
    }

    private static void AnalyzeRank(SyntaxNodeAnalysisContext context)
    {
        var rank = (ArrayRankSpecifierSyntax)context.Node;
        if (rank.Rank < 2)
        {
            return;
        }

        var construct = rank.Parent is ArrayTypeSyntax type ? type.ToString() : rank.ToString();
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoMultidimensionalArrays, rank.GetLocation(), construct));
    }

    private static void AnalyzeImplicitCreation(SyntaxNodeAnalysisContext context)
    {
        var creation = (ImplicitArrayCreationExpressionSyntax)context.Node;
        if (creation.Commas.Count == 0)
        {
            return;
        }

        var construct = "new[" + new string(',', creation.Commas.Count) + "]";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoMultidimensionalArrays, creation.GetLocation(), construct));
    }
}
