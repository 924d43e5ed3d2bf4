using Tocsin.Controller.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.Nodes;

public sealed class BrokerPasswordTests
{
    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_does_not()
    {
        PasswordHash h = BrokerPassword.Hash("correct horse battery", iterations: 1000);
        Assert.True(BrokerPassword.Verify("correct horse battery", h));
        Assert.False(BrokerPassword.Verify("correct horse batterY", h));
        Assert.False(BrokerPassword.Verify(null, h));
    }

    [Fact]
    public void The_default_is_PBKDF2_SHA256_with_100000_iterations_and_a_per_node_salt()
    {
        PasswordHash a = BrokerPassword.Hash("same");
        PasswordHash b = BrokerPassword.Hash("same");
        Assert.Equal(100_000, a.Iterations);
        Assert.Equal(16, a.Salt.Length);
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
        byte[] expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("same", a.Salt, 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        Assert.Equal(expected, a.Hash);
    }

    [Fact]
    public void The_stored_text_form_round_trips_and_malformed_text_never_verifies()
    {
        PasswordHash h = BrokerPassword.Hash("pw-123456", iterations: 500);
        string stored = h.Encode();
        Assert.StartsWith("pbkdf2-sha256$500$", stored, StringComparison.Ordinal);
        Assert.True(BrokerPassword.Verify("pw-123456", stored));
        Assert.False(BrokerPassword.Verify("pw-123456", "pbkdf2-sha256$500$!!$??"));
        Assert.False(BrokerPassword.Verify("pw-123456", "md5$1$a$b"));
        Assert.False(BrokerPassword.Verify("pw-123456", (string?)null));
    }
}
