namespace Tocsin.Controller.Regions;

/// <summary>The district (区) a controller serves: the top tier.</summary>
/// <param name="Id">Region id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Streets">Its streets, in file order.</param>
public sealed record District(string Id, string Name, IReadOnlyList<Street> Streets);
