namespace Tocsin.Firmware.Analyzers.Tests;

[TestClass]
public sealed class NoGenericsAnalyzerTests
{
    private static Task<string> IdsAsync(string source) => AnalyzerRunner.IdsAsync(source, new NoGenericsAnalyzer());

    [TestMethod]
    public async Task UsingAGenericCollectionIsReported()
    {
        var ids = await IdsAsync("class C { System.Collections.Generic.List<int> _items = new System.Collections.Generic.List<int>(); }");

        Assert.AreEqual("TOC001 TOC001", ids);
    }

    [TestMethod]
    public async Task AGenericEventHandlerIsReported()
    {
        var ids = await IdsAsync("class C { public event System.EventHandler<System.EventArgs>? Changed; }");

        Assert.AreEqual("TOC001", ids);
    }

    [TestMethod]
    public async Task DeclaringAGenericTypeIsReported()
    {
        var ids = await IdsAsync("class Box<T> { }");

        Assert.AreEqual("TOC001", ids);
    }

    [TestMethod]
    public async Task DeclaringAGenericMethodIsReported()
    {
        var ids = await IdsAsync("class C { void Store<T>(T value) { } }");

        Assert.AreEqual("TOC001", ids);
    }

    [TestMethod]
    public async Task CallingAGenericMethodIsReported()
    {
        var ids = await IdsAsync("class C { int[] Empty() => System.Array.Empty<int>(); }");

        Assert.AreEqual("TOC001", ids);
    }

    [TestMethod]
    public async Task NestedGenericTypesAreReportedOnce()
    {
        var ids = await IdsAsync("class C { System.Collections.Generic.List<System.Collections.Generic.List<int>>? _rows; }");

        Assert.AreEqual("TOC001", ids);
    }

    [TestMethod]
    public async Task TheMessageNamesTheConstructAndTheAlternatives()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("class Box<T> { }", new NoGenericsAnalyzer());

        var message = diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Box<T>'", message);
        Assert.Contains("nanoFramework has no runtime generics; use arrays, ArrayList or a custom delegate", message);
    }
}
