namespace Tocsin.Firmware.Analyzers.Tests;

[TestClass]
public sealed class NoEnumToStringAnalyzerTests
{
    private const string Prelude = "enum State { Idle, Alarm } ";

    private static Task<string> IdsAsync(string body) =>
        AnalyzerRunner.IdsAsync(Prelude + "class C { " + body + " }", new NoEnumToStringAnalyzer());

    [TestMethod]
    public async Task CallingToStringOnAnEnumIsReported()
    {
        var ids = await IdsAsync("string Text(State s) => s.ToString();");

        Assert.AreEqual("TOC003", ids);
    }

    [TestMethod]
    public async Task CallingAToStringOverloadOnAnEnumIsReported()
    {
        var ids = await IdsAsync("string Text(State s) => s.ToString(\"G\");");

        Assert.AreEqual("TOC003", ids);
    }

    [TestMethod]
    public async Task InterpolatingAnEnumIsReported()
    {
        var ids = await IdsAsync("string Text(State s) => $\"state {s}\";");

        Assert.AreEqual("TOC003", ids);
    }

    [TestMethod]
    public async Task ConcatenatingAnEnumOnEitherSideOfAStringIsReported()
    {
        var ids = await IdsAsync("string Text(State s) => \"state \" + s + (s + \"!\");");

        Assert.AreEqual("TOC003 TOC003", ids);
    }

    [TestMethod]
    public async Task AppendingAnEnumToAStringIsReported()
    {
        var ids = await IdsAsync("string Text(State s) { var t = \"state \"; t += s; return t; }");

        Assert.AreEqual("TOC003", ids);
    }

    [TestMethod]
    public async Task TheMessageTellsToMapTheValueExplicitly()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(Prelude + "class C { string Text(State s) => s.ToString(); }", new NoEnumToStringAnalyzer());

        var message = diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Enum.ToString() gives the number on nanoFramework; map the value to text explicitly", message);
    }
}
