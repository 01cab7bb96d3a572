namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// The git-ignored folder the connected fetch writes (default <c>data/connected/</c>, beside <c>data/cache/</c>):
/// <list type="bullet">
/// <item><c>fetch.lock.tsv</c>: every origin file's URL, size, sha256 and date at first fetch;</item>
/// <item><c>inputs.tsv</c>: the record of derived inputs (what the pipeline reads, and from what it was made);</item>
/// <item><c>raw/</c>: origin files as downloaded (gzip kept), by origin;</item>
/// <item><c>manual/</c>: files a user placed by hand because an origin cannot be reached (README lists the names);</item>
/// <item><c>inputs/</c>: the derived inputs, in formats the pipeline's readers read; <c>inputs/*.counts.tsv</c> their counts;</item>
/// <item><c>work/</c>: temporary files (extracted archives), deleted after use.</item>
/// </list>
/// </summary>
/// <param name="Root">The folder itself, e.g. <c>data/connected</c>.</param>
public sealed record ConnectedFolder(string Root)
{
    /// <summary>The folder for a data config folder (e.g. the repository's <c>data/</c>).</summary>
    /// <param name="dataConfigDir">The data config folder; the connected folder is its <c>connected/</c>.</param>
    public static ConnectedFolder For(string dataConfigDir) => new(Path.Combine(dataConfigDir, "connected"));

    /// <summary>The lock of origin files, <c>fetch.lock.tsv</c> (see <see cref="FetchLock"/>).</summary>
    public string LockPath => Path.Combine(Root, "fetch.lock.tsv");

    /// <summary>The record of derived inputs, <c>inputs.tsv</c> (see <see cref="ConnectedRecord"/>).</summary>
    public string RecordPath => Path.Combine(Root, ConnectedRecord.FileName);

    /// <summary>The folder of hand-placed origin files, <c>manual/</c>.</summary>
    public string ManualDir => Path.Combine(Root, "manual");

    /// <summary>The folder of temporary files (extracted archives), <c>work/</c>.</summary>
    public string WorkDir => Path.Combine(Root, "work");

    /// <summary>An origin file by its key (a relative path such as <c>string/9606.protein.links.v10.5.txt.gz</c>).</summary>
    /// <param name="key">The file's key.</param>
    public string Raw(string key) => Path.Combine(Root, "raw", key);

    /// <summary>A file placed by hand: <c>manual/NAME</c>.</summary>
    /// <param name="name">The hand-placed name (<see cref="RemoteFile.HandPlacedName"/>).</param>
    public string Manual(string name) => Path.Combine(ManualDir, name);

    /// <summary>A derived input by its manifest file path (relative to this folder, e.g. <c>inputs/x.tsv</c>).</summary>
    /// <param name="file">The manifest's file column.</param>
    public string Input(string file) => Path.Combine(Root, file);
}
