namespace Tocsin.Controller.Storage;

/// <summary>Alerts as JSON documents with their state and version kept queryable.</summary>
public interface IAlertStore
{
    /// <summary>Inserts or replaces an alert (its kind and creation time are kept from the first save).</summary>
    void Save(string id, string kind, string state, int version, long createdUtcMs, long updatedUtcMs, string json);

    /// <summary>Every stored alert's JSON, oldest first.</summary>
    IReadOnlyList<string> All();
}
