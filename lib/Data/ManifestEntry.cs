namespace OrganoidBiomarkers.Data;

/// <summary>How an input can be obtained when no mirror holds it.</summary>
public enum FetchMode
{
    /// <summary>The origin URL serves the exact bytes (checked by sha256).</summary>
    Direct,
    /// <summary>The mirror file is an export of the origin (e.g. an R object written as TSV): only a mirror has it.</summary>
    MirrorOnly,
    /// <summary>The paper used it, but no public copy is available to this project (listed so every stage can say so).</summary>
    NotAvailable,
    /// <summary>
    /// Made by <c>scripts/fetch-inputs</c> from the paper's own public origins into <c>data/connected/</c> and recorded in
    /// <c>data/connected/inputs.tsv</c> (which origin served it, its sha256): the manifest cannot know the sha256 in
    /// advance (it depends on the origin that was reachable), so the record is what the file is verified against.
    /// </summary>
    Connected,
}

/// <summary>One row of data/manifest.tsv: an input, where it comes from, and how to check it.</summary>
public sealed record ManifestEntry(
    string Id,
    string File,
    string Role,
    string Status,
    string? Sha256,
    long? Bytes,
    FetchMode Fetch,
    string OriginUrl,
    string Origin,
    string Licence,
    string Content,
    string PaperUsed)
{
    /// <summary>True when ours is not what the paper used (a stand-in, or missing altogether).</summary>
    public bool IsStandIn => Status is "stand-in" or "missing";
}
