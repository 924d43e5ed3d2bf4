using Tocsin.Controller.Auth;

namespace Tocsin.Controller.Storage;

/// <summary>Operators and their sign-in sessions.</summary>
public interface IOperatorStore
{
    /// <summary>Number of operators.</summary>
    int Count();

    /// <summary>Adds an operator; null on success, else why not.</summary>
    string? Add(string name, string role, string password);

    /// <summary>Checks a password and issues a token; null when the name or password is wrong.</summary>
    (string Token, OperatorSession Session)? SignIn(string name, string password);

    /// <summary>The session a token belongs to, or null when unknown or expired.</summary>
    OperatorSession? Resolve(string token);

    /// <summary>Ends a session.</summary>
    void SignOut(string token);
}
