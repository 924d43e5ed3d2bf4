using System.Security.Cryptography;
using Tocsin.Controller.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.Nodes;

public sealed class NodeSecretsTests
{
    [Fact]
    public void Secrets_are_a_32_byte_key_and_a_24_character_alphanumeric_password()
    {
        NodeSecrets s = NodeSecrets.Generate();
        Assert.Equal(32, s.CommandKey.Length);
        Assert.Equal(24, s.MqttPassword.Length);
        Assert.All(s.MqttPassword, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public void A_given_random_number_generator_is_used_and_secrets_differ_each_time()
    {
        using var rng = RandomNumberGenerator.Create();
        NodeSecrets a = NodeSecrets.Generate(rng);
        NodeSecrets b = NodeSecrets.Generate(rng);
        Assert.NotEqual(a.CommandKey, b.CommandKey);
        Assert.NotEqual(a.MqttPassword, b.MqttPassword);
        Assert.All(a.MqttPassword, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public void Printing_secrets_never_shows_them()
    {
        NodeSecrets s = NodeSecrets.Generate();
        Assert.DoesNotContain(s.MqttPassword, s.ToString(), StringComparison.Ordinal);
    }
}
