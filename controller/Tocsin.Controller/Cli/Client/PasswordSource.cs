using System.Text;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Where <c>login</c> gets the password: <c>TOCSIN_PASSWORD</c>, else a prompt without echo on a terminal.</summary>
public static class PasswordSource
{
    /// <summary>The environment variable read first.</summary>
    public const string Variable = "TOCSIN_PASSWORD";

    /// <summary>The password; throws <see cref="CliInputException"/> when there is no way to get one.</summary>
    public static string Read(string name)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            throw new CliInputException("no password: set " + Variable + ", or run login in a terminal to be prompted");
        }

        Console.Error.Write("password for " + name + ": ");
        var password = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        if (password.Length == 0)
        {
            throw new CliInputException("no password given");
        }

        return password.ToString();
    }
}
