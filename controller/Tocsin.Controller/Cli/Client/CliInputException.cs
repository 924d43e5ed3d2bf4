namespace Tocsin.Controller.Cli.Client;

/// <summary>The command's input cannot be used (exit code 2): e.g. no password, an unset environment variable, a bad URL.</summary>
public sealed class CliInputException : Exception
{
    /// <summary>Creates one.</summary>
    public CliInputException()
    {
    }

    /// <summary>Creates one with a message.</summary>
    public CliInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with a message and a cause.</summary>
    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
