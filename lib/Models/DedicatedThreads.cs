using System.Runtime.ExceptionServices;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// A parallel loop on threads of its own, not the thread pool's, for learners that wait on pool tasks inside a fit
/// (<see cref="IPoolWaitingLearner"/>). Iteration i runs on thread i mod <c>threads</c> and writes only its own result,
/// so the results do not depend on the thread count or timing.
/// </summary>
internal static class DedicatedThreads
{
    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/>-1 on <paramref name="threads"/> (≥ 1) threads; the first exception (by iteration) is rethrown.</summary>
    public static void For(int count, int threads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread");
        threads = Math.Min(threads, Math.Max(count, 1));
        var errors = new Exception?[count];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int i = t; i < count; i += threads)
            {
                try { body(i); }
                catch (Exception e) { errors[i] = e; return; }
            }
        }) { IsBackground = true, Name = $"learner fits {t}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
    }
}
