using System.Globalization;
using System.Text.Json;
using OrganoidBiomarkers.Cli;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>Who holds an output folder's lock: process id, when it started, and its command line.</summary>
internal sealed record LockHolder(int Pid, string StartedUtc, string Command)
{
    public override string ToString() => $"process {Pid} (started {StartedUtc}: {Command})";
}

/// <summary>Another run holds the output folder's lock.</summary>
internal sealed class OutputBusyException(string message) : Exception(message);

/// <summary>
/// One run at a time per output folder: an exclusive flock on WORK/lock, which the kernel releases when the holder
/// exits or is killed (kill -9 included), so a lock left by a dead run is taken over without guessing from PIDs.
/// WORK/lock.json says who holds it (PID, start time, command), for the message a second run prints.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    // What .NET reports for a file another process has locked: EWOULDBLOCK on Linux, the Windows code elsewhere.
    private const int SharingViolation = unchecked((int)0x80070020), WouldBlock = 11;

    private readonly FileStream _file;
    private readonly string _infoPath;

    /// <summary>The holder whose lock this run took over (a run that died without releasing it), or null.</summary>
    public LockHolder? TookOverFrom { get; }

    private OutputLock(FileStream file, string infoPath, LockHolder? tookOver)
    {
        _file = file;
        _infoPath = infoPath;
        TookOverFrom = tookOver;
    }

    /// <summary>Takes the lock of <paramref name="workDir"/> or throws <see cref="OutputBusyException"/> naming the holder.</summary>
    public static OutputLock Acquire(string workDir, string outputDir, string command)
    {
        var lockPath = Path.Combine(workDir, "lock");
        var infoPath = Path.Combine(workDir, "lock.json");
        // FileShare.None: .NET takes flock(LOCK_EX | LOCK_NB) itself and reports a holder as a sharing violation; the
        // explicit flock below holds even where .NET's locking is switched off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING).
        FileStream? file = null;
        try
        {
            file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult is SharingViolation or WouldBlock)
        {
            // held by another run: reported below
        }
        if (file is null || !Posix.TryLock(file.SafeFileHandle))
        {
            file?.Dispose();
            // A run that has just taken the lock writes who it is a moment later.
            var holder = ReadHolder(infoPath);
            for (int i = 0; i < 10 && holder is null; i++)
            {
                Thread.Sleep(100);
                holder = ReadHolder(infoPath);
            }
            throw new OutputBusyException($"{outputDir} is in use by another run: {holder?.ToString() ?? "a process that has not yet said who it is"}. "
                + $"Fix: wait for it to finish, or stop it (kill {holder?.Pid.ToString(CultureInfo.InvariantCulture) ?? "PID"}), or choose another --output");
        }
        var previous = ReadHolder(infoPath);
        var me = new LockHolder(Environment.ProcessId, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), command);
        File.WriteAllText(infoPath, JsonSerializer.Serialize(me) + "\n");
        return new OutputLock(file, infoPath, previous is not null && previous.Pid != me.Pid ? previous : null);
    }

    private static LockHolder? ReadHolder(string infoPath)
    {
        try
        {
            return File.Exists(infoPath) ? JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(infoPath)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (the holder file goes first, so a waiting run never reads a stale holder as current).</summary>
    public void Dispose()
    {
        try { File.Delete(_infoPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _file.Dispose();
    }
}
