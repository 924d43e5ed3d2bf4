using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.Tests.Console;

[TestClass]
public sealed class ConsoleCommandTableTests
{
    [TestMethod]
    public void Finds_commands_by_exact_name_in_registration_order()
    {
        var table = new ConsoleCommandTable();
        table.Add(new NamedCommand("alpha"));
        table.Add(new NamedCommand("beta"));

        Assert.AreEqual(2, table.Count);
        Assert.AreEqual("alpha", table.Get(0).Name);
        Assert.AreEqual("beta", table.Find("beta").Name);
        Assert.IsNull(table.Find("alph"));
        Assert.IsNull(table.Find("Alpha"));
    }

    [TestMethod]
    public void Refuses_a_second_command_with_the_same_name()
    {
        var table = new ConsoleCommandTable();
        table.Add(new NamedCommand("alpha"));
        bool threw = false;
        try
        {
            table.Add(new NamedCommand("alpha"));
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.IsTrue(threw);
        Assert.AreEqual(1, table.Count);
    }

    private sealed class NamedCommand : IConsoleCommand
    {
        public NamedCommand(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string Usage => Name;

        public string Summary => "a test command";

        public string Run(ConsoleArgs args, ConsoleOutput output) => null;
    }
}
