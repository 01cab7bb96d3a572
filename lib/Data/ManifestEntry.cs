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
/// <param name="Id">The name stages use, e.g. "crc_expression"; unique in the manifest.</param>
/// <param name="File">Path inside a mirror folder and the cache (for <see cref="FetchMode.Connected"/>: inside the
/// connected folder).</param>
/// <param name="Role">"input" (used by the analysis), "reference" (an output of the authors' code, used to check ours) or
/// "validation".</param>
/// <param name="Status">"original", "stand-in", "authors-derived", "missing" or "connected" (see data/README.md).</param>
/// <param name="Sha256">The file's sha256, 64 lower-case hex digits; null for not-available and connected rows that
/// give none.</param>
/// <param name="Bytes">The file's size in bytes, or null when not stated.</param>
/// <param name="Fetch">How the input can be obtained when no mirror holds it.</param>
/// <param name="OriginUrl">Where the file can be downloaded (used for <see cref="FetchMode.Direct"/>).</param>
/// <param name="Origin">The origin in words: repository, commit, path, or the original public source.</param>
/// <param name="Licence">Licence of the data and of the repository that carries it.</param>
/// <param name="Content">What the file holds.</param>
/// <param name="PaperUsed">What the paper used instead, when this is a stand-in.</param>
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
