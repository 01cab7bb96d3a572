using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// Opens the data manifest for a run: mirror first, cache, then downloads (unless --param offline=true); inputs of the
/// connected run from the data config's <c>connected/</c> folder when <c>scripts/fetch-inputs</c> has written them.
/// </summary>
public static class DataAccess
{
    /// <summary>
    /// The data store of a run: the manifest at <see cref="RunContext.ManifestPath"/>, the run's mirror and cache, an HTTP
    /// client with a 5-minute timeout unless <c>offline</c> is true, and the connected folder of the data config.
    /// </summary>
    /// <param name="run">The run (manifest path, mirror, cache, <c>offline</c> parameter).</param>
    /// <param name="log">Receives one note naming the manifest, mirror, cache and whether downloads are on, then the store's notes.</param>
    /// <exception cref="InputException">The manifest is missing or malformed.</exception>
    public static DataStore Open(RunContext run, CountLog log)
    {
        var entries = Manifest.Read(run.ManifestPath);
        bool offline = run.BoolParam("offline");
        var http = offline ? null : new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        log.Note("data", $"manifest {run.ManifestPath}: {entries.Count} inputs; mirror: {run.DataMirror ?? "none"}; cache: {run.CacheDir}; downloads {(offline ? "off" : "on")}");
        return new DataStore(entries, run.DataMirror, run.CacheDir, http, s => log.Note("data", s), ConnectedFolder.For(run.DataConfigDir).Root);
    }
}
