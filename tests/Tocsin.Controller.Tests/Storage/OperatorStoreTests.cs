using Tocsin.Controller.Auth;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class OperatorStoreTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Operators_are_added_once_and_bad_names_roles_and_passwords_are_refused(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        Assert.Null(storage.Operators.Add("alice", OperatorRole.Approver, "long-enough-password"));
        Assert.Equal("operator 'alice' already exists", storage.Operators.Add("alice", OperatorRole.Admin, "long-enough-password"));
        Assert.NotNull(storage.Operators.Add("bad name", OperatorRole.Operator, "long-enough-password"));
        Assert.NotNull(storage.Operators.Add("bob", "superuser", "long-enough-password"));
        Assert.NotNull(storage.Operators.Add("bob", OperatorRole.Operator, "short"));
        Assert.Equal(1, storage.Operators.Count());
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_token_signs_in_until_it_expires_or_is_signed_out(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.Operators.Add("alice", OperatorRole.Approver, "long-enough-password");
        Assert.Null(storage.Operators.SignIn("alice", "wrong-password-here"));
        Assert.Null(storage.Operators.SignIn("nobody", "long-enough-password"));

        var (token, session) = storage.Operators.SignIn("alice", "long-enough-password")!.Value;
        Assert.Equal(("alice", OperatorRole.Approver), (session.Name, session.Role));
        Assert.Equal(session, storage.Operators.Resolve(token));
        Assert.Null(storage.Operators.Resolve(token + "x"));

        storage.Time.Advance(OperatorCredentials.TokenLifetime);
        Assert.Null(storage.Operators.Resolve(token));

        var (second, _) = storage.Operators.SignIn("alice", "long-enough-password")!.Value;
        Assert.NotNull(storage.Operators.Resolve(second));
        storage.Operators.SignOut(second);
        Assert.Null(storage.Operators.Resolve(second));
    }
}
