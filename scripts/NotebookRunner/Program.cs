using System.Runtime.InteropServices;
using OrganoidBiomarkers.Cli;
using OrganoidBiomarkers.NotebookRunner;

// Two modes:
//   NotebookRunner [pipeline] [options]           scripts/run-pipeline: see CommandLine.cs or --help
//   NotebookRunner notebook FILE.dib --ipynb OUT.ipynb      (one notebook; started by pipeline mode, one per process)
// The kernel redirects Console.Out while a cell runs: progress goes to our own handle on the process's stderr.
// Every failure ends as one line and an exit code of its class (ExitCodes; README "Exit codes"); stack traces go to a log.
var progress = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
if (args.Length > 0 && args[0] == "notebook")
{
    if (args.Length != 4 || args[2] != "--ipynb") { progress.WriteLine("usage: NotebookRunner notebook FILE.dib --ipynb OUT.ipynb"); return ExitCodes.Usage; }
    ParentWatchdog.Start();
    try
    {
        var file = new FileInfo(args[1]);
        if (!file.Exists) throw new FileNotFoundException($"{file.FullName} does not exist");
        return await new NotebookExecutor(progress).RunAsync(file, args[3]);
    }
    catch (Exception e)
    {
        return ErrorReport.Report(CommandLine.Tool, e, progress);
    }
}

// SIGINT (Ctrl-C) and SIGTERM stop the run: the notebook process is killed and the output is left as it was.
using var stop = new CancellationTokenSource();
int stopCode = ExitCodes.Interrupted;
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stopCode = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
    stop.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
try
{
    var options = CommandLine.Parse(args.SkipWhile(a => a == "pipeline").ToArray());
    if (options is null) return ExitCodes.Ok; // --help
    return await new PipelineCommand(options).RunAsync(stop.Token, () => stopCode);
}
catch (OutputBusyException e)
{
    Console.Error.WriteLine($"{CommandLine.Tool}: busy: {e.Message}");
    return ExitCodes.Busy;
}
catch (Exception e)
{
    return ErrorReport.Report(CommandLine.Tool, e, Console.Error);
}

/// <summary>
/// A notebook process exits when its runner is gone (kill -9 included): it checks every 200 ms whether it has been
/// re-parented, and if so kills itself, so no orphan keeps computing and writing after the runner died.
/// </summary>
internal static class ParentWatchdog
{
    public static void Start()
    {
        int parent = Posix.GetParentPid();
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(200);
                if (Posix.GetParentPid() != parent) Posix.Kill(Environment.ProcessId, Posix.SigKill);
            }
        }) { IsBackground = true, Name = "parent watchdog" };
        thread.Start();
    }
}
