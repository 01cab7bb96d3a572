using OrganoidBiomarkers.FetchInputs;
using OrganoidBiomarkers.Pipeline;

// scripts/fetch-inputs: see FetchCommand.Usage and README "Connected run".
string repo = RunContext.FindRepoRoot(AppContext.BaseDirectory) ?? RunContext.FindRepoRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    return await FetchCommand.RunAsync(args, repo, Console.Out, Console.Error, ct: cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("fetch-inputs: interrupted; partial downloads are kept (*.partial) and resume on the next run");
    return 130;
}
