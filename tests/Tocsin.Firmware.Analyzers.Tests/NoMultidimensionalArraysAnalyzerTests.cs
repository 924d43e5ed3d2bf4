namespace Tocsin.Firmware.Analyzers.Tests;

[TestClass]
public sealed class NoMultidimensionalArraysAnalyzerTests
{
    private static Task<string> IdsAsync(string source) => AnalyzerRunner.IdsAsync(source, new NoMultidimensionalArraysAnalyzer());

    [TestMethod]
    public async Task ARectangularArrayTypeIsReported()
    {
        var ids = await IdsAsync("class C { int[,]? _grid; }");

        Assert.AreEqual("TOC002", ids);
    }

    [TestMethod]
    public async Task CreatingARectangularArrayIsReported()
    {
        var ids = await IdsAsync("class C { object Make() => new int[2, 3]; }");

        Assert.AreEqual("TOC002", ids);
    }

    [TestMethod]
    public async Task AnImplicitlyTypedRectangularArrayIsReported()
    {
        var ids = await IdsAsync("class C { object Make() => new[,] { { 1, 2 }, { 3, 4 } }; }");

        Assert.AreEqual("TOC002", ids);
    }

    [TestMethod]
    public async Task TheMessageSuggestsAJaggedArray()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("class C { int[,]? _grid; }", new NoMultidimensionalArraysAnalyzer());

        var message = diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'int[,]'", message);
        Assert.Contains("jagged array", message);
    }
}
