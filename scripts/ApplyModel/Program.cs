using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Pipeline;

// Scores the samples of a genes x samples matrix with a model trained in stage 04 and splits them at the median.
const string Usage = """
usage: scripts/apply-model --expression FILE [options]
  --expression FILE      genes x samples, tab-separated (comma if the name ends in .csv), gzip if it ends in .gz;
                         first column: gene symbols (or --id-column NAME)
  --skip-columns A,B     annotation columns that are not samples (e.g. Entrez_Gene_Id)
  --scale log2|linear    the values' scale, checked (default log2); ssGSEA is rank-based, so either works
  --duplicates fail|mean|median|first|drop   rule for a gene listed twice (default fail)
  --models FILE          output/stages/04/models.tsv of a pipeline run (default: the repository's output/)
  --drug NAME            FLUOROURACIL (default) or CISPLATIN
  --selection NAME       authors (default), string or menche
  --model NAME           ridgecv (default), svr or ols
  --k N                  top-k scorable biomarkers (default 1, the pipeline's pre-specified setting)
  --gmt FILE             Reactome GMT (default: the manifest's reactome_gmt from --data-mirror / DATA_MIRROR / ../shared/data)
  --data-mirror DIR      where to find the GMT
  --out FILE             output TSV (default: standard output): sample, score, group, biomarkers
""";

var o = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--") || i + 1 >= args.Length) { Console.Error.WriteLine($"apply-model: unexpected '{args[i]}'\n{Usage}"); return 2; }
    o[args[i][2..]] = args[++i];
}
if (!o.TryGetValue("expression", out var expressionPath)) { Console.Error.WriteLine(Usage); return 2; }
string Opt(string name, string fallback) => o.TryGetValue(name, out var v) ? v : fallback;
var log = new CountLog(m => Console.Error.WriteLine(m));
try
{
    var repo = RunContext.FindRepoRoot(AppContext.BaseDirectory) ?? RunContext.FindRepoRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
    // Expression: the header's first column is the gene ID unless --id-column says otherwise.
    char separator = expressionPath.Contains(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : '\t';
    string header;
    using (var reader = DelimitedFile.Open(expressionPath)) header = reader.ReadLine() ?? throw new InputException(expressionPath, 1, "the file is empty", "pass a genes x samples matrix");
    var layout = new ExpressionTableLayout
    {
        Separator = separator,
        IdColumn = Opt("id-column", header.Split(separator)[0]),
        AnnotationColumns = Opt("skip-columns", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Scale = Opt("scale", "log2") == "linear" ? ValueScale.Linear : ValueScale.Log2,
        DuplicateGenes = Enum.Parse<DuplicatePolicy>(Opt("duplicates", "fail"), ignoreCase: true),
    };
    var expression = ExpressionTables.Read(expressionPath, layout, log);

    var models = StageFiles.Models(Opt("models", Path.Combine(repo, "output", "stages", "04", "models.tsv")));
    string drug = Opt("drug", "FLUOROURACIL"), selection = Opt("selection", "authors"), modelName = Opt("model", "ridgecv");
    var model = models.FirstOrDefault(m => m.Drug == drug && m.Selection == selection && m.Model == modelName)
        ?? throw new ArgumentException($"no model {drug}/{selection}/{modelName} in models.tsv (have: {string.Join(", ", models.Select(m => $"{m.Drug}/{m.Selection}/{m.Model}").Distinct())})");

    string? mirror = o.TryGetValue("data-mirror", out var m) ? m : Environment.GetEnvironmentVariable("DATA_MIRROR") ?? RunContext.DefaultMirror(repo);
    string gmtPath = o.TryGetValue("gmt", out var g) ? g
        : DataAccess.Open(new RunContext(repo, Path.Combine(repo, "output"), mirror, new Dictionary<string, string>(), Path.Combine(repo, "data")), CountLog.Silent).PathOf("reactome_gmt");
    var reactome = GmtReader.Read(gmtPath, GmtLayout.NoDescription, log);
    int k = int.Parse(Opt("k", "1"), System.Globalization.CultureInfo.InvariantCulture);

    var split = ModelApplication.Apply(expression, reactome, model.Biomarkers, SsgseaGeneSets.ParseConvention(model.Gmt), k, log);
    var biomarkers = string.Join(";", split.Biomarkers.Select(b => $"{b.Rank}:{b.Name}:{b.Coefficient.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"));
    var table = TsvTable.From(Enumerable.Range(0, split.Patients.Count),
        ("sample", i => split.Patients[i]), ("score", i => split.Scores[i]),
        ("group", i => split.Responder[i] ? "predicted_responder" : "predicted_nonresponder"), ("biomarkers", _ => biomarkers));
    if (o.TryGetValue("out", out var outPath)) { table.Write(outPath); Console.Error.WriteLine($"apply-model: wrote {outPath} ({split.Patients.Count} samples, model {drug}/{selection}/{modelName}, k = {k})"); }
    else Console.Write(table.ToTsv());
    return 0;
}
catch (Exception e) when (e is InputException or ArgumentException or DataUnavailableException or FileNotFoundException)
{
    Console.Error.WriteLine($"apply-model: {e.Message}");
    return 1;
}

