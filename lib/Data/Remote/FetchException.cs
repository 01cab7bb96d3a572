namespace OrganoidBiomarkers.Data.Remote;

/// <summary>Why a fetch step failed; decides whether the next origin is tried and how the run ends.</summary>
public enum FetchFailure
{
    /// <summary>The origin answered that it does not serve the file (HTTP 400/401/403/404/405/410): try the next origin.</summary>
    NotServed,
    /// <summary>The origin's host name could not be resolved or the network is unreachable.</summary>
    Unreachable,
    /// <summary>Transfers kept failing (stalled, truncated, server errors) after the retries.</summary>
    Failed,
    /// <summary>The file is not in the expected format (e.g. an HTML error page, the wrong table).</summary>
    BadFormat,
    /// <summary>The content differs from the lock file's record of the first fetch: refused, nothing overwritten.</summary>
    Changed,
    /// <summary>No origin could be reached at all: no network.</summary>
    NoNetwork,
}

/// <summary>A fetch failure with a one-line message naming the file or URL and what to do.</summary>
/// <param name="failure">Why it failed.</param>
/// <param name="message">One line: the file or URL, what went wrong and what to do.</param>
public sealed class FetchException(FetchFailure failure, string message) : Exception(message)
{
    /// <summary>Why it failed: decides whether the next origin is tried and how the run ends.</summary>
    public FetchFailure Failure { get; } = failure;
}
