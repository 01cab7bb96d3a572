using System.Globalization;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// The output folder and its work folder beside it (.NAME-work: the lock, the run being built, the last failed run).
/// A run builds its complete new output in WORK/staging-PID and promotes it with one atomic exchange of the two
/// folders (renameat2 RENAME_EXCHANGE), so after any failure, kill -9 or full disk, OUTPUT holds either the complete
/// old or the complete new output, never a mixture; the old one is then deleted from the work folder.
/// </summary>
internal sealed class OutputFolder
{
    public string Output { get; }
    public string Work { get; }
    public string FailedRun => Path.Combine(Work, "failed-run");

    public OutputFolder(string output)
    {
        Output = Path.GetFullPath(output).TrimEnd('/');
        var parent = Path.GetDirectoryName(Output) ?? throw new IOException($"{Output} has no parent folder to build the new output beside");
        Work = Path.Combine(parent, "." + Path.GetFileName(Output) + "-work");
    }

    /// <summary>Creates the work folder (an I/O error names it and the fix).</summary>
    public void EnsureWork()
    {
        try
        {
            Directory.CreateDirectory(Work);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the run's work folder {Work} beside the output ({e.Message}). Fix: make {Path.GetDirectoryName(Output)} writable, or choose another --output", e);
        }
    }

    /// <summary>Removes what dead runs left in the work folder (called while holding the lock, so nothing there is live).</summary>
    public IReadOnlyList<string> RemoveLeftovers()
    {
        var removed = new List<string>();
        foreach (var dir in Directory.GetDirectories(Work).Where(d => Path.GetFileName(d).StartsWith("staging-", StringComparison.Ordinal) || Path.GetFileName(d).StartsWith("previous-", StringComparison.Ordinal)))
        {
            if (TryDelete(dir)) removed.Add(dir);
        }
        return removed;
    }

    /// <summary>A fresh, empty folder for this run's new output.</summary>
    public string NewStaging()
    {
        var dir = Path.Combine(Work, "staging-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Makes <paramref name="staging"/> the output in one atomic step; the previous output is deleted afterwards (if
    /// that fails, e.g. a read-only leftover, it is removed by the next run).
    /// </summary>
    public void Promote(string staging)
    {
        if (!Directory.Exists(Output) && !File.Exists(Output))
        {
            Directory.Move(staging, Output); // rename(2): atomic; nothing to replace
            return;
        }
        int errno = Posix.Exchange(staging, Output);
        if (errno != 0)
            throw new IOException($"cannot swap the new output into {Output} (errno {errno}: {ErrnoName(errno)}); {Output} is unchanged. "
                + $"Fix: {(errno is 18 or 16 ? "--output must not be a mount point: choose a folder inside it" : errno == 13 || errno == 1 ? $"make {Output} and {Path.GetDirectoryName(Output)} writable" : errno == 22 || errno == 38 ? "use a file system that supports renameat2 RENAME_EXCHANGE (ext4, xfs, btrfs, tmpfs)" : "check the folder")}");
        // staging now holds the previous output.
        var previous = Path.Combine(Work, "previous-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            Directory.Move(staging, previous);
            TryDelete(previous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new output is in place; the old copy is a leftover for the next run to remove.
        }
    }

    /// <summary>Keeps a failed run's staging as WORK/failed-run for inspection (replacing the previous one).</summary>
    public string? KeepFailed(string staging)
    {
        try
        {
            if (Directory.Exists(FailedRun)) Directory.Delete(FailedRun, recursive: true);
            Directory.Move(staging, FailedRun);
            return FailedRun;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            return null;
        }
    }

    /// <summary>Deletes a folder, reporting rather than throwing on failure.</summary>
    public static bool TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Copies a folder (a partial run starts from the previous output); file times are kept.</summary>
    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(f));
            File.Copy(f, target, overwrite: true);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(f));
        }
        foreach (var d in Directory.GetDirectories(from)) CopyDirectory(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private static string ErrnoName(int errno) => errno switch
    {
        1 => "EPERM", 2 => "ENOENT", 13 => "EACCES", 16 => "EBUSY", 18 => "EXDEV", 22 => "EINVAL", 28 => "ENOSPC", 30 => "EROFS", 38 => "ENOSYS", 39 => "ENOTEMPTY",
        _ => "see errno(3)",
    };
}
