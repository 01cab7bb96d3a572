using OrganoidBiomarkers.NotebookRunner;

// Two modes:
//   NotebookRunner [pipeline] [--notebooks DIR] [--output DIR] [--data-mirror DIR] [--param key=value ...]
//                  [--only 01,03] [--timeout-seconds N]
//   NotebookRunner notebook FILE.dib --ipynb OUT.ipynb      (one notebook; started by pipeline mode, one per process)
// The kernel redirects Console.Out while a cell runs: progress goes to our own handle on the process's stderr.
var progress = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
try
{
    if (args.Length > 0 && args[0] == "notebook")
    {
        if (args.Length != 4 || args[2] != "--ipynb") { progress.WriteLine("usage: NotebookRunner notebook FILE.dib --ipynb OUT.ipynb"); return 2; }
        var file = new FileInfo(args[1]);
        if (!file.Exists) { progress.WriteLine($"runner: {file.FullName} does not exist"); return 2; }
        return await new NotebookExecutor(progress).RunAsync(file, args[3]);
    }
    var options = CommandLine.Parse(args.SkipWhile(a => a == "pipeline").ToArray());
    return await new PipelineCommand(options).RunAsync();
}
catch (CommandLineException e)
{
    progress.WriteLine($"runner: {e.Message}");
    progress.WriteLine(CommandLine.Usage);
    return 2;
}
