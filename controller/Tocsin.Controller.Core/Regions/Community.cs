namespace Tocsin.Controller.Regions;

/// <summary>A community (社区): the smallest area a warning targets, with its residents.</summary>
/// <param name="Id">Region id; also the <c>tocsin/v1/area/{id}/cmd</c> topic segment.</param>
/// <param name="Name">Display name.</param>
/// <param name="Population">Residents, a positive number.</param>
public sealed record Community(string Id, string Name, int Population);
