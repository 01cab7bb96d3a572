using System.Globalization;
using OrganoidBiomarkers.Cli;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Pipeline;

namespace OrganoidBiomarkers.ApplyModel;

/// <summary>
/// scripts/apply-model: reads a genes x samples matrix, scores it with a stage-04 model exactly as stage 05 scores
/// patients (<see cref="ModelApplication"/>), and writes sample, score, group, biomarkers. The command line is strict
/// (<see cref="StrictCommandLine"/>): a mistyped option, an unknown choice or a model that models.tsv does not hold is
/// refused before any work, naming the allowed values and a near match.
/// </summary>
internal static class ApplyModelCommand
{
    public const string Tool = "apply-model";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return Execute(args, stdout, stderr);
        }
        catch (Exception e)
        {
            return ErrorReport.Report(Tool, e, stderr);
        }
    }

    private static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cli = new StrictCommandLine(Tool, "Applies a model trained by the pipeline (output/stages/04/models.tsv) to a new genes x samples matrix (README \"Apply a trained model to new data\").");
        var expressionOpt = cli.Text("--expression", "genes x samples: tab-separated (comma if the name ends in .csv), gzip if it ends in .gz; first column gene symbols (or --id-column)", required: true);
        var idOpt = cli.Text("--id-column", "header of the gene symbol column (default: the first column)");
        var skipOpt = cli.Text("--skip-columns", "annotation columns that are not samples, comma-separated (e.g. Entrez_Gene_Id)", "");
        var scaleOpt = cli.Choice("--scale", "the values' scale, checked; ssGSEA is rank-based, so either works", "log2", "log2", "linear");
        var dupOpt = cli.Choice("--duplicates", "rule for a gene listed twice", "fail", "fail", "mean", "median", "first", "drop");
        var modelsOpt = cli.Text("--models", "output/stages/04/models.tsv of a pipeline run (default: the repository's output/)");
        var drugOpt = cli.Text("--drug", "the model's drug as in models.tsv (default FLUOROURACIL)", "FLUOROURACIL");
        var selectionOpt = cli.Text("--selection", "the model's network selection as in models.tsv (default authors)", "authors");
        var modelOpt = cli.Text("--model", "the learner as in models.tsv (default ridgecv)", "ridgecv");
        var kOpt = cli.Integer("--k", "top-k scorable biomarkers (default 1, the pipeline's pre-specified setting)", 1, min: 1);
        var gmtOpt = cli.Text("--gmt", "Reactome GMT (default: the manifest's reactome_gmt from --data-mirror / DATA_MIRROR / ../shared/data)");
        var mirrorOpt = cli.Text("--data-mirror", "where to find the GMT");
        var outOpt = cli.Text("--out", "output TSV (default: standard output): sample, score, group, biomarkers");
        // Without arguments: the list of options (as README says), and the usage exit code.
        if (args.Length == 0) { cli.Parse(["--help"], stderr); return ExitCodes.Usage; }
        var parsed = cli.Parse(args, stdout);
        if (parsed is null) return ExitCodes.Ok;

        var repo = RunContext.FindRepoRoot(AppContext.BaseDirectory) ?? RunContext.FindRepoRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
        string expressionPath = parsed.GetValue(expressionOpt)!;
        if (!File.Exists(expressionPath)) throw new FileNotFoundException($"--expression {expressionPath}: no such file. Fix: check the path");
        string modelsPath = parsed.GetValue(modelsOpt) ?? Path.Combine(repo, "output", "stages", "04", "models.tsv");
        if (!File.Exists(modelsPath))
            throw new FileNotFoundException($"--models {modelsPath}: no such file. Fix: run the pipeline (scripts/run-pipeline) or pass --models output/stages/04/models.tsv of a run");
        string? outPath = parsed.GetValue(outOpt);
        if (outPath is not null && Directory.Exists(outPath)) throw new UsageException($"--out {outPath} is a folder. Fix: name a file, e.g. --out {Path.Combine(outPath, "apply.tsv")}");
        if (parsed.GetValue(gmtOpt) is { } gmtGiven && !File.Exists(gmtGiven)) throw new FileNotFoundException($"--gmt {gmtGiven}: no such file. Fix: check the path, or leave it out to use the mirror's");
        if (parsed.GetValue(mirrorOpt) is { } mirrorGiven && !Directory.Exists(mirrorGiven)) throw new UsageException($"--data-mirror {mirrorGiven} does not exist. Fix: pass the data mirror's folder");

        // The model: every key must name a model in models.tsv (a typo is refused with the near match, before reading the matrix).
        var models = StageFiles.Models(modelsPath);
        if (models.Count == 0) throw new InputException(modelsPath, 0, "no models (the file has only a header)", "rerun stage 04 (scripts/run-pipeline --only 04)");
        string drug = Pick("--drug", parsed.GetValue(drugOpt)!, models.Select(m => m.Drug), modelsPath);
        string selection = Pick("--selection", parsed.GetValue(selectionOpt)!, models.Where(m => m.Drug == drug).Select(m => m.Selection), modelsPath);
        string modelName = Pick("--model", parsed.GetValue(modelOpt)!, models.Where(m => m.Drug == drug && m.Selection == selection).Select(m => m.Model), modelsPath);
        var model = models.First(m => m.Drug == drug && m.Selection == selection && m.Model == modelName);
        int k = parsed.GetValue(kOpt);

        // Expression: the separator follows the name (.csv comma, else tab); a file evidently using another is refused by the reader.
        char separator = expressionPath.Contains(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : '\t';
        string header;
        using (var reader = DelimitedFile.Open(expressionPath)) header = reader.ReadLine() ?? throw new InputException(expressionPath, 1, "the file is empty", "pass a genes x samples matrix");
        var log = new CountLog(m => stderr.WriteLine(m));
        var layout = new ExpressionTableLayout
        {
            Separator = separator,
            IdColumn = parsed.GetValue(idOpt) ?? header.Split(separator)[0],
            AnnotationColumns = parsed.GetValue(skipOpt)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Scale = parsed.GetValue(scaleOpt) == "linear" ? ValueScale.Linear : ValueScale.Log2,
            DuplicateGenes = Enum.Parse<DuplicatePolicy>(parsed.GetValue(dupOpt)!, ignoreCase: true),
        };
        var expression = ExpressionTables.Read(expressionPath, layout, log);

        string? mirror = parsed.GetValue(mirrorOpt) ?? Environment.GetEnvironmentVariable("DATA_MIRROR") ?? RunContext.DefaultMirror(repo);
        string gmtPath = parsed.GetValue(gmtOpt)
            ?? DataAccess.Open(new RunContext(repo, Path.Combine(repo, "output"), mirror, new Dictionary<string, string>(), Path.Combine(repo, "data")), CountLog.Silent).PathOf("reactome_gmt");
        var reactome = GmtReader.Read(gmtPath, GmtLayout.NoDescription, log);

        var split = ModelApplication.Apply(expression, reactome, model.Biomarkers, SsgseaGeneSets.ParseConvention(model.Gmt), k, log, expressionPath);
        var biomarkers = string.Join(";", split.Biomarkers.Select(b => $"{b.Rank}:{b.Name}:{b.Coefficient.ToString("R", CultureInfo.InvariantCulture)}"));
        var table = TsvTable.From(Enumerable.Range(0, split.Patients.Count),
            ("sample", i => split.Patients[i]), ("score", i => split.Scores[i]),
            ("group", i => split.Responder[i] ? "predicted_responder" : "predicted_nonresponder"), ("biomarkers", _ => biomarkers));
        if (outPath is not null)
        {
            // Written beside the target and renamed over it: a failed write never leaves half a file.
            var temp = outPath + ".partial";
            try
            {
                table.Write(temp);
                File.Move(temp, outPath, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            stderr.WriteLine($"{Tool}: wrote {outPath} ({split.Patients.Count} samples, model {drug}/{selection}/{modelName}, k = {k})");
        }
        else stdout.Write(table.ToTsv());
        return ExitCodes.Ok;
    }

    /// <summary>The value among <paramref name="available"/> (case-insensitive), or a usage error naming them and the near match.</summary>
    private static string Pick(string option, string given, IEnumerable<string> available, string modelsPath)
    {
        var names = available.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var match = names.FirstOrDefault(n => n.Equals(given, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match;
        var near = NearMatch.Suggest(given, names);
        throw new UsageException($"{option} {given}: {modelsPath} has no such model (allowed here: {string.Join(", ", names)}){(near is null ? "" : $"; did you mean {option} {near}?")}. Fix: choose one of these");
    }
}
