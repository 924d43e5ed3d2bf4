namespace Tocsin.Controller.Cli.Client;

/// <summary>No answer from the controller at all (refused connection, unknown host, timeout).</summary>
public sealed class ControllerUnreachableException : Exception
{
    /// <summary>Creates one.</summary>
    public ControllerUnreachableException()
    {
    }

    /// <summary>Creates one with a message naming the URL.</summary>
    public ControllerUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with a message naming the URL and a cause.</summary>
    public ControllerUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
