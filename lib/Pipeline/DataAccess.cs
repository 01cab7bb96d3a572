using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Opens the data manifest for a run: mirror first, cache, then downloads (unless --param offline=true); inputs of the
/// connected run from the data config's <c>connected/</c> folder when <c>scripts/fetch-inputs</c> has written them.
/// </summary>
public static class DataAccess
{
    /// <summary>
    /// The data store of a run: the manifest at <see cref="RunContext.ManifestPath"/>, the run's mirror and cache, an HTTP
    /// client with a 5-minute timeout unless <c>offline</c> is true, and the connected folder of the data config. When
    /// the data config has a study definition, the count log also records which of the study's entries this run can use
    /// (<see cref="Study.UsableStudy.Record"/>): the input set every stage ran on.
    /// </summary>
    /// <param name="run">The run (manifest path, mirror, cache, <c>offline</c> parameter).</param>
    /// <param name="log">Receives one note naming the manifest, mirror, cache and whether downloads are on, then the store's notes and the usable study entries.</param>
    /// <exception cref="InputException">The manifest is missing or malformed.</exception>
    public static DataStore Open(RunContext run, CountLog log)
    {
        var entries = Manifest.Read(run.ManifestPath);
        bool offline = run.BoolParam("offline");
        var http = offline ? null : new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var connected = ConnectedDir(run);
        log.Note("data", $"manifest {run.ManifestPath}: {entries.Count} inputs; mirror: {run.DataMirror ?? "none"}; cache: {run.CacheDir}; downloads {(offline ? "off" : "on")}; " +
            $"connected inputs: {connected ?? "not used (--param inputs=mirror)"}");
        if (File.Exists(run.StudyPath)) run.UsableStudy.Record(log, run.FullStudy.EntryCount());
        return new DataStore(entries, run.DataMirror, run.CacheDir, http, s => log.Note("data", s), connected);
    }

    /// <summary>
    /// Whether an input can be read in this run, as <see cref="DataStore.IsAvailable"/> answers it for the store
    /// <see cref="Open"/> makes (mirror, cache, a download when online, the connected folder unless inputs=mirror),
    /// without reading or downloading anything.
    /// </summary>
    public static Func<string, bool> Availability(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        bool offline = run.BoolParam("offline");
        // IsAvailable asks only whether downloads are possible: a client that is never used.
        var store = new DataStore(Manifest.Read(run.ManifestPath), run.DataMirror, run.CacheDir, offline ? null : Probe, null, ConnectedDir(run));
        return store.IsAvailable;
    }

    private static readonly HttpClient Probe = new();

    /// <summary>The connected folder of the run's data config (data/connected/), or null with --param inputs=mirror.</summary>
    public static string? ConnectedDir(RunContext run) =>
        run.Param("inputs") == "mirror" ? null : ConnectedFolder.For(run.DataConfigDir).Root;
}
