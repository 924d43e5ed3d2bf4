namespace Tocsin.Controller.Validation;

/// <summary>
/// One problem found in input: where it is, as a JSON path (<c>$.district.streets[2].communities[0].population</c>
/// or a setting name such as <c>wifi.ssid</c>), and what is wrong with it. Loaders collect every problem
/// instead of stopping at the first, so an operator fixes a file in one pass.
/// </summary>
/// <param name="Path">Where the problem is.</param>
/// <param name="Message">What is wrong, phrased to follow the path ("must be a positive integer").</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <summary>"path: message", the form shown to operators.</summary>
    public override string ToString() => Path + ": " + Message;
}
