using System.CommandLine;
using Tocsin.Controller.Cli;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Deploy;

/// <summary>
/// The shipped systemd unit: its command line must be one <c>serve</c> accepts (an option renamed in
/// the code would otherwise leave installs that never start), and it must start again after whatever
/// stopped it.
/// </summary>
public sealed class SystemdUnitTests
{
    private static readonly Dictionary<string, List<string>> Unit = Read(RepoPaths.Combine("deploy", "systemd", "tocsin-controller.service"));

    // Keys as "Section.Key": systemd ignores a key in the wrong section.
    private static List<string> Key(string section, string key) => Unit.GetValueOrDefault(section + "." + key) ?? [];

    [Fact]
    public void Its_command_line_is_one_serve_accepts_with_every_option_given_a_value()
    {
        string[] words = Assert.Single(Key("Service", "ExecStart")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("/tocsin-controller", words[0], StringComparison.Ordinal);
        ParseResult parse = ControllerCli.CreateRootCommand().Parse(words[1..]);
        Assert.Empty(parse.Errors.Select(e => e.Message));
        Assert.Equal("serve", parse.CommandResult.Command.Name);
        Assert.Equal("/var/lib/tocsin", parse.GetValue<string>("--data"));
        Assert.Equal("0.0.0.0", parse.GetValue<string>("--mqtt-bind"));
    }

    [Fact]
    public void It_restarts_after_every_failure_and_never_gives_up()
    {
        // serve exits 1 when the engine stopped (the database refused a round) and 2 when it could not
        // start, which may pass (PostgreSQL still starting): both must be tried again.
        Assert.Equal(["on-failure"], Key("Service", "Restart"));
        Assert.Equal(["5"], Key("Service", "RestartSec"));
        Assert.Empty(Key("Service", "RestartPreventExitStatus"));
        Assert.Equal(["0"], Key("Unit", "StartLimitIntervalSec"));
    }

    [Fact]
    public void It_may_hold_a_connection_for_every_node_of_a_district_and_keeps_its_state_where_it_serves_it()
    {
        Assert.True(int.Parse(Assert.Single(Key("Service", "LimitNOFILE")), System.Globalization.CultureInfo.InvariantCulture) > 10_000 + 1024);
        Assert.Equal(["tocsin"], Key("Service", "StateDirectory"));
        Assert.Equal(["yes"], Key("Service", "NoNewPrivileges"));
    }

    // key=value lines as "Section.Key" (a key may repeat); comments skipped.
    private static Dictionary<string, List<string>> Read(string path)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string section = string.Empty;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] is '#' or ';' || eq < 0)
            {
                continue;
            }

            string key = section + "." + line[..eq];
            if (!keys.TryGetValue(key, out List<string>? values))
            {
                keys[key] = values = [];
            }

            values.Add(line[(eq + 1)..]);
        }

        return keys;
    }
}
