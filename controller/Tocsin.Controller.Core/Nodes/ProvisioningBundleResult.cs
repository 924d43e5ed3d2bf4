using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Nodes;

/// <summary>Either the bundle text or why it could not be made (a value the node would refuse, or too long for its console).</summary>
public sealed class ProvisioningBundleResult
{
    private ProvisioningBundleResult(string? bundle, IReadOnlyList<ValidationError> errors)
    {
        Bundle = bundle;
        Errors = errors;
    }

    /// <summary><c>TCS1:...:crc</c>, to paste after <c>provision </c>; null on failure.</summary>
    public string? Bundle { get; }

    /// <summary>Problems, each under the firmware setting name (e.g. <c>wifi.ssid</c>).</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Bundle"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Bundle))]
    public bool Succeeded => Bundle != null;

    /// <summary>Never prints the bundle: it holds the node's secrets.</summary>
    public override string ToString() => Succeeded ? "ProvisioningBundleResult { (bundle hidden) }" : "ProvisioningBundleResult { " + string.Join("; ", Errors) + " }";

    internal static ProvisioningBundleResult Success(string bundle) => new(bundle, []);

    internal static ProvisioningBundleResult Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
