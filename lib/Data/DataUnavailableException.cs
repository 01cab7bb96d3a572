namespace OrganoidBiomarkers.Data;

/// <summary>An input that neither the mirror, the cache nor its origin can provide here.</summary>
public sealed class DataUnavailableException(string id, string message) : Exception(message)
{
    public string Id { get; } = id;
}
