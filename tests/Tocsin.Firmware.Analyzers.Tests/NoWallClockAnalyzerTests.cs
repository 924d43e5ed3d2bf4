namespace Tocsin.Firmware.Analyzers.Tests;

[TestClass]
public sealed class NoWallClockAnalyzerTests
{
    private static Task<string> IdsAsync(string body) =>
        AnalyzerRunner.IdsAsync("class C { " + body + " }", new NoWallClockAnalyzer());

    [TestMethod]
    [DataRow("Now")]
    [DataRow("UtcNow")]
    [DataRow("Today")]
    public async Task ReadingTheWallClockIsReported(string member)
    {
        var ids = await IdsAsync("System.DateTime Read() => System.DateTime." + member + ";");

        Assert.AreEqual("TOC004", ids);
    }

    [TestMethod]
    public async Task ReadingTheWallClockThroughAUsingDirectiveIsReported()
    {
        var ids = await AnalyzerRunner.IdsAsync("using System; class C { long Read() => DateTime.UtcNow.Ticks; }", new NoWallClockAnalyzer());

        Assert.AreEqual("TOC004", ids);
    }

    [TestMethod]
    public async Task SleepingTheThreadIsReported()
    {
        var ids = await IdsAsync("void Wait() => System.Threading.Thread.Sleep(100);");

        Assert.AreEqual("TOC004", ids);
    }

    [TestMethod]
    public async Task PassingThreadSleepAsADelegateIsReported()
    {
        var ids = await IdsAsync("delegate void Pause(int ms); Pause Make() => System.Threading.Thread.Sleep;");

        Assert.AreEqual("TOC004", ids);
    }

    [TestMethod]
    public async Task CreatingATimerIsReported()
    {
        var ids = await IdsAsync("System.IDisposable Start() => new System.Threading.Timer(_ => { }, null, 0, 1000);");

        Assert.AreEqual("TOC004", ids);
    }

    [TestMethod]
    public async Task TheMessagePointsToTheClockInterface()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("class C { System.DateTime Read() => System.DateTime.Now; }", new NoWallClockAnalyzer());

        var message = diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("firmware logic takes time as an input (Tick(nowMs)); use the IClock interface", message);
    }
}
