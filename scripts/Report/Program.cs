using OrganoidBiomarkers.Reporting;

// Usage: Report OUTPUT_DIR [--repo DIR] [--data-mirror DIR] [--data-config DIR]
// Reads a run's outputs (results, figures, notebooks, run.json) and writes OUTPUT_DIR/report.html and
// OUTPUT_DIR/results/parity.tsv. Started by the notebook runner on the staged outputs, before they are promoted.
if (args.Length < 1) { Console.Error.WriteLine("usage: Report OUTPUT_DIR [--repo DIR] [--data-mirror DIR]"); return 2; }
string output = Path.GetFullPath(args[0]);
string? repo = null, mirror = Environment.GetEnvironmentVariable("PIPELINE_DATA_MIRROR"), config = Environment.GetEnvironmentVariable("PIPELINE_DATA_CONFIG");
for (int i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--repo") repo = args[i + 1];
    if (args[i] == "--data-mirror") mirror = args[i + 1];
    if (args[i] == "--data-config") config = args[i + 1];
}
repo ??= Environment.GetEnvironmentVariable("PIPELINE_REPO") ?? OrganoidBiomarkers.Pipeline.RunContext.FindRepoRoot(Environment.CurrentDirectory)
    ?? throw new InvalidOperationException("cannot find the repository root: pass --repo");
// Without --data-mirror or PIPELINE_DATA_MIRROR (a report rebuilt by hand): DATA_MIRROR, else ../shared/data beside the clone, as the notebooks do.
mirror ??= Environment.GetEnvironmentVariable("DATA_MIRROR") is { Length: > 0 } m ? m : OrganoidBiomarkers.Pipeline.RunContext.DefaultMirror(repo);
var inputs = new RunOutputs(output, repo, mirror, string.IsNullOrEmpty(config) ? null : Path.GetFullPath(config));
var report = StudyReport.Build(inputs);
File.WriteAllText(Path.Combine(output, "report.html"), ReportHtml.Render(report.Model));
report.Parity.Write(Path.Combine(output, "results", "parity.tsv"));
// run.json (written by the runner before the report) also says which input set the run used.
(report.Model.Provenance.InputSet ?? InputSet.Of(inputs)).WriteInto(Path.Combine(output, "run.json"));
Console.WriteLine($"report: wrote {Path.Combine(output, "report.html")} ({report.Model.Sections.Count} sections) and results/parity.tsv ({report.Parity.Rows.Count} rows)");
return 0;
