namespace Tocsin.Controller.Regions;

/// <summary>A street or subdistrict (街道): the middle tier of the district's broadcast network.</summary>
/// <param name="Id">Region id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Communities">Its communities, in file order.</param>
public sealed record Street(string Id, string Name, IReadOnlyList<Community> Communities);
