namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Environment variables through which the runner tells a notebook where to read and write. The same names are read by
/// lib/Pipeline/RunContext.cs (the runner does not reference the lib, so that the notebook's #r is the only copy loaded).
/// </summary>
internal static class RunEnvironment
{
    public const string RepoRoot = "PIPELINE_REPO";
    public const string OutputDir = "PIPELINE_OUTPUT";
    public const string DataMirror = "PIPELINE_DATA_MIRROR";
    public const string Parameters = "PIPELINE_PARAMS";
    public const string DataConfig = "PIPELINE_DATA_CONFIG";
    /// <summary>Where a notebook process writes its one-line failure (JSON: code, message) for the runner.</summary>
    public const string FailureFile = "PIPELINE_FAILURE_FILE";
}
