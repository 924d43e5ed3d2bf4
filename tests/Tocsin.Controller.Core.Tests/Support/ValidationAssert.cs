using Tocsin.Controller.Validation;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

public static class ValidationAssert
{
    /// <summary>Exactly one error, at <paramref name="path"/>, whose message contains <paramref name="fragment"/>.</summary>
    public static void Single(IReadOnlyList<ValidationError> errors, string path, string fragment)
    {
        ValidationError e = Assert.Single(errors);
        Assert.Equal(path, e.Path);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }
}
