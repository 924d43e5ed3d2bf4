namespace Tocsin.Controller.Cli.Client;

/// <summary>The controller answered, but refused: its problem detail's message.</summary>
public sealed class ApiRefusedException : Exception
{
    /// <summary>Creates one.</summary>
    public ApiRefusedException()
    {
    }

    /// <summary>Creates one with the controller's message.</summary>
    public ApiRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with the controller's message and a cause.</summary>
    public ApiRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; init; }
}
