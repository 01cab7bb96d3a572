namespace OrganoidBiomarkers.Data;

/// <summary>An input that neither the mirror, the cache nor its origin can provide here.</summary>
/// <param name="id">The input's manifest id.</param>
/// <param name="message">One line: where it was looked for and what to do.</param>
public sealed class DataUnavailableException(string id, string message) : Exception(message)
{
    /// <summary>The input's manifest id (data/manifest.tsv).</summary>
    public string Id { get; } = id;
}
