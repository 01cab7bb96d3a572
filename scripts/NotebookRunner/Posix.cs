using System.Runtime.InteropServices;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>The few Linux calls the runner needs that .NET does not expose: an atomic directory swap, flock, getppid, kill.</summary>
internal static partial class Posix
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int LockExclusive = 2, LockNonBlocking = 4;
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "getppid")]
    public static partial int GetParentPid();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>
    /// Swaps two paths in one step (renameat2 RENAME_EXCHANGE): afterwards each name holds what the other held, and at
    /// no moment does either name hold nothing or a mixture. Returns 0, or the errno (e.g. EINVAL where the file system
    /// cannot exchange, EXDEV across file systems).
    /// </summary>
    public static int Exchange(string a, string b) => RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Takes an exclusive advisory lock on an open file without waiting; the kernel releases it when the process dies.</summary>
    public static bool TryLock(SafeHandle file) => Flock((int)file.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0;

    /// <summary>Whether a process with this id exists (signal 0 probes without sending).</summary>
    public static bool Alive(int pid) => pid > 0 && (Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: exists, not ours */);
}
