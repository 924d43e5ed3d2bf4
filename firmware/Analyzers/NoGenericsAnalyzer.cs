using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tocsin.Firmware.Analyzers;

/// <summary>
/// TOC001: nanoFramework's compiler accepts generics but the device runtime cannot execute
/// them, so both declaring and using anything generic is rejected at build time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoGenericsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NoGenerics);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        // Syntax is enough: a type parameter list or a generic name is generic whatever it binds to.
        context.RegisterSyntaxNodeAction(AnalyzeDeclaration, SyntaxKind.TypeParameterList);
        context.RegisterSyntaxNodeAction(AnalyzeUse, SyntaxKind.GenericName);
    }

    private static void AnalyzeDeclaration(SyntaxNodeAnalysisContext context)
    {
        var list = (TypeParameterListSyntax)context.Node;
        var name = DeclaredName(list.Parent) + list.ToString();
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoGenerics, list.GetLocation(), name));
    }

    private static void AnalyzeUse(SyntaxNodeAnalysisContext context)
    {
        var generic = (GenericNameSyntax)context.Node;

        // Report the outermost generic only: List<List<int>> is one mistake, not two.
        if (IsInsideTypeArguments(generic))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoGenerics, generic.GetLocation(), generic.ToString()));
    }

    private static bool IsInsideTypeArguments(SyntaxNode node)
    {
        // Walk up through type syntax only; leaving it means we reached an expression or statement.
        for (var parent = node.Parent; parent is TypeSyntax or TypeArgumentListSyntax; parent = parent.Parent)
        {
            if (parent is TypeArgumentListSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static string DeclaredName(SyntaxNode? declaration) => declaration switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        DelegateDeclarationSyntax del => del.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        _ => string.Empty,
    };
}
