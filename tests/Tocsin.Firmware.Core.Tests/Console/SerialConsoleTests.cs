using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Tests.Console;

[TestClass]
public sealed class SerialConsoleTests
{
    private const string Ok = "ok\r\ntocsin> ";

    [TestMethod]
    public void A_successful_command_prints_its_output_then_ok_then_the_prompt()
    {
        var rig = new Rig();

        Assert.AreEqual("[hi|there]\r\n" + Ok, rig.Send("echo hi there\r"));
        Assert.AreEqual(1, rig.Console.LinesHandled);
    }

    [TestMethod]
    public void A_failing_command_prints_error_and_its_reason_then_the_prompt()
    {
        var rig = new Rig();

        Assert.AreEqual("error: it went wrong\r\ntocsin> ", rig.Send("fail\r"));
    }

    [TestMethod]
    public void CR_LF_and_CR_LF_each_end_exactly_one_line()
    {
        var rig = new Rig();

        string output = rig.Send("echo a\recho b\necho c\r\necho d\r");

        Assert.AreEqual("[a]\r\n" + Ok + "[b]\r\n" + Ok + "[c]\r\n" + Ok + "[d]\r\n" + Ok, output);
        Assert.AreEqual(4, rig.Console.LinesHandled);
    }

    [TestMethod]
    public void A_CR_LF_split_across_ticks_is_still_one_line_end()
    {
        var rig = new Rig();

        Assert.AreEqual("[a]\r\n" + Ok, rig.Send("echo a\r"));
        Assert.AreEqual("[b]\r\n" + Ok, rig.Send("\necho b\r\n"));
        Assert.AreEqual(2, rig.Console.LinesHandled);
    }

    [TestMethod]
    public void An_empty_line_prints_just_the_prompt()
    {
        var rig = new Rig();

        Assert.AreEqual("tocsin> ", rig.Send("\r\n"));
        Assert.AreEqual("tocsin> tocsin> ", rig.Send("\r\r"));
        Assert.AreEqual("tocsin> ", rig.Send("   \t \n"));
    }

    [TestMethod]
    public void Backspace_and_delete_remove_the_previous_byte()
    {
        var rig = new Rig();

        Assert.AreEqual("[hi]\r\n" + Ok, rig.Send("echx\bo hi!\u007f\r"));
    }

    [TestMethod]
    public void Backspace_removes_a_whole_multi_byte_character()
    {
        var rig = new Rig();

        Assert.AreEqual("[暴!]\r\n" + Ok, rig.Send("echo 暴雨\b!\r"));
        Assert.AreEqual("[aé]\r\n" + Ok, rig.Send("echo aé🚨\u007f\r"));
        Assert.AreEqual("[x]\r\n" + Ok, rig.Send("echo aé\b\bx\r"));
    }

    [TestMethod]
    public void Backspace_on_an_empty_line_does_nothing()
    {
        var rig = new Rig();

        Assert.AreEqual("[x]\r\n" + Ok, rig.Send("\b\b\u007fecho x\r"));
    }

    [TestMethod]
    public void An_unknown_command_names_itself_and_suggests_help()
    {
        var rig = new Rig();

        Assert.AreEqual("error: unknown command 'nope'; type 'help'\r\ntocsin> ", rig.Send("nope arg\r"));
    }

    [TestMethod]
    public void A_line_over_MaxLineBytes_is_discarded_with_an_error_and_the_next_line_works()
    {
        var rig = new Rig();
        string tooLong = "echo " + new string('x', SerialConsole.MaxLineBytes - 4);

        Assert.AreEqual("error: line longer than 1024 bytes; discarded\r\ntocsin> [next]\r\n" + Ok, rig.Send(tooLong + "\recho next\r"));
        Assert.AreEqual(1, rig.Echo.Runs);
        Assert.AreEqual(2, rig.Console.LinesHandled);
    }

    [TestMethod]
    public void A_line_of_exactly_MaxLineBytes_is_accepted()
    {
        var rig = new Rig();
        string word = new string('x', SerialConsole.MaxLineBytes - 5);

        Assert.AreEqual("[" + word + "]\r\n" + Ok, rig.Send("echo " + word + "\r"));
    }

    [TestMethod]
    public void A_line_that_is_not_valid_UTF_8_is_an_error_and_the_next_line_works()
    {
        var rig = new Rig();
        byte[] bad = { (byte)'e', (byte)'c', (byte)'h', (byte)'o', (byte)' ', 0xC3, 0x28, (byte)'\r' };

        Assert.AreEqual("error: line is not valid UTF-8\r\ntocsin> ", rig.SendBytes(bad));
        Assert.AreEqual("[ok]\r\n" + Ok, rig.Send("echo ok\r"));
        Assert.AreEqual(0xC3, bad[5]);
    }

    [TestMethod]
    public void A_command_that_throws_is_reported_and_logged_and_the_console_keeps_working()
    {
        var rig = new Rig();

        Assert.AreEqual("error: internal error in 'boom': kaboom\r\ntocsin> ", rig.Send("boom\r"));
        Assert.AreEqual(1, rig.Log.Count);
        StringAssert.Contains(rig.Log.Get(0), "boom failed: kaboom");
        Assert.AreEqual("[after]\r\n" + Ok, rig.Send("echo after\r"));
    }

    [TestMethod]
    public void A_line_with_an_unterminated_quote_is_an_error()
    {
        var rig = new Rig();

        Assert.AreEqual("error: unterminated quote\r\ntocsin> ", rig.Send("echo \"open\r"));
        Assert.AreEqual(0, rig.Echo.Runs);
    }

    [TestMethod]
    public void Input_split_across_many_ticks_forms_one_line()
    {
        var rig = new Rig();

        foreach (string part in new[] { "ec", "ho s", "p", "lit", " ", "暴" })
        {
            Assert.AreEqual(string.Empty, rig.Send(part));
        }

        byte[] tail = Encoding.UTF8.GetBytes("雨\r");
        Assert.AreEqual(string.Empty, rig.SendBytes(new[] { tail[0] }));
        Assert.AreEqual(string.Empty, rig.SendBytes(new[] { tail[1] }));
        Assert.AreEqual("[split|暴雨]\r\n" + Ok, rig.SendBytes(new[] { tail[2], tail[3] }));
    }

    [TestMethod]
    public void A_tick_reads_at_most_64_bytes()
    {
        var rig = new Rig();
        string word = new string('x', 100);
        rig.Line.Type("echo " + word + "\r");

        rig.Console.Tick();
        Assert.AreEqual(string.Empty, rig.Line.TakeOutput());
        rig.Console.Tick();
        Assert.AreEqual("[" + word + "]\r\n" + Ok, rig.Line.TakeOutput());
        rig.Console.Tick();
        Assert.AreEqual(string.Empty, rig.Line.TakeOutput());
    }

    [TestMethod]
    public void Several_lines_typed_at_once_get_one_answer_each()
    {
        var rig = new Rig();

        string output = rig.Send("echo 1\r\nfail\r\nnope\r\n\r\necho 2\r\n");

        Assert.AreEqual(5, output.Split("tocsin> ").Length - 1);
        Assert.AreEqual(2, output.Split("ok\r\n").Length - 1);
        Assert.AreEqual(2, output.Split("error: ").Length - 1);
    }

    [TestMethod]
    public void Output_keeps_emoji_whole_wherever_they_fall_in_the_output_slices()
    {
        var rig = new Rig();

        for (int k = 50; k < 130; k++)
        {
            string word = new string('a', k) + "🚨暴z🚨";
            Assert.AreEqual("[" + word + "]\r\n" + Ok, rig.Send("echo " + word + "\r"), "k=" + k);
        }
    }

    [TestMethod]
    public void Execute_runs_a_line_as_if_typed_and_the_prompt_can_change()
    {
        var rig = new Rig();
        rig.Console.Prompt = "node> ";

        rig.Console.Execute("echo direct");

        Assert.AreEqual("[direct]\r\nok\r\nnode> ", rig.Line.TakeOutput());
    }

    private sealed class Rig
    {
        public Rig()
        {
            Table.Add(Echo);
            Table.Add(new FailCommand());
            Table.Add(new ThrowCommand());
            Console = new SerialConsole(Line, Table, Log);
        }

        public SimSerialLine Line { get; } = new SimSerialLine();

        public ConsoleCommandTable Table { get; } = new ConsoleCommandTable();

        public LogRing Log { get; } = new LogRing(16, null);

        public EchoCommand Echo { get; } = new EchoCommand();

        public SerialConsole Console { get; }

        public string Send(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

        public string SendBytes(byte[] bytes)
        {
            Line.TypeBytes(bytes);
            for (int i = 0; i <= (bytes.Length / 64) + 1; i++)
            {
                Console.Tick();
            }

            return Line.TakeOutput();
        }
    }

    private sealed class EchoCommand : IConsoleCommand
    {
        public int Runs { get; private set; }

        public string Name => "echo";

        public string Usage => "echo <words>";

        public string Summary => "prints its words between brackets, separated by '|'";

        public string Run(ConsoleArgs args, ConsoleOutput output)
        {
            Runs++;
            var words = new string[args.Count - 1];
            for (int i = 1; i < args.Count; i++)
            {
                words[i - 1] = args.Get(i);
            }

            output.WriteLine("[" + string.Join("|", words) + "]");
            return null;
        }
    }

    private sealed class FailCommand : IConsoleCommand
    {
        public string Name => "fail";

        public string Usage => "fail";

        public string Summary => "always fails";

        public string Run(ConsoleArgs args, ConsoleOutput output) => "it went wrong";
    }

    private sealed class ThrowCommand : IConsoleCommand
    {
        public string Name => "boom";

        public string Usage => "boom";

        public string Summary => "always throws";

        public string Run(ConsoleArgs args, ConsoleOutput output) => throw new InvalidOperationException("kaboom");
    }
}
