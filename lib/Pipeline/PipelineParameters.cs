using System.Globalization;

// One definition, two compilations: the library (notebooks' RunContext) and, linked as source, the notebook runner,
// which validates --param before any work but must not load the library the notebooks #r (see RunEnvironment.cs).
#if NOTEBOOK_RUNNER
namespace OrganoidBiomarkers.NotebookRunner;
#else
namespace OrganoidBiomarkers.Pipeline;
#endif

/// <summary>The type of a pipeline parameter's value.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (invariant digits, optional leading minus), within the parameter's range.</summary>
    Integer,
    /// <summary>An unsigned 64-bit whole number (the seed).</summary>
    Seed,
    /// <summary>A finite decimal number (invariant culture), within the parameter's range.</summary>
    Number,
    /// <summary>true or false, case-insensitive (stored lower-case).</summary>
    Boolean,
    /// <summary>One of a fixed list of words, case-insensitive (stored as listed).</summary>
    Choice,
    /// <summary>A name the notebook checks against its data (e.g. an arm id): lower-case letters, digits, '_' and '-' (stored lower-case).</summary>
    Word,
}

/// <summary>
/// One --param key of scripts/run-pipeline: its type, default, allowed values, the stages that read it and what it
/// means. <paramref name="Stages"/> lists two-digit stage numbers ("03"), or "all" for a parameter every stage may read;
/// the runner uses it for stage freshness (a stage is recomputed, or a partial run refused, when a parameter it reads
/// changes). <paramref name="AffectsResults"/> is false for a parameter that changes how inputs are fetched, never what
/// is computed (offline).
/// </summary>
/// <param name="Name">The key, e.g. "n_random" (lower case, as typed after --param).</param>
/// <param name="Kind">The value's type.</param>
/// <param name="Default">The default in canonical form (what run.json and README show).</param>
/// <param name="Stages">Two-digit stages that read it, or "all".</param>
/// <param name="Meaning">What it does, one line (README's table).</param>
/// <param name="Choices">The allowed words of a <see cref="ParameterKind.Choice"/>; null otherwise.</param>
/// <param name="Min">Smallest allowed value of an Integer or Number (inclusive).</param>
/// <param name="Max">Largest allowed value of an Integer or Number (inclusive).</param>
/// <param name="AffectsResults">False when the parameter changes only how inputs are fetched.</param>
public sealed record PipelineParameter(string Name, ParameterKind Kind, string Default, string[] Stages, string Meaning,
    string[]? Choices = null, double Min = double.NegativeInfinity, double Max = double.PositiveInfinity, bool AffectsResults = true)
{
    /// <summary>Whether stage <paramref name="stage"/> ("04") reads this parameter.</summary>
    /// <param name="stage">A two-digit stage number.</param>
    public bool ReadBy(string stage) => Stages.Contains("all") || Stages.Contains(stage);

    /// <summary>What values are allowed, in words (for messages and the README table).</summary>
    public string Allowed => Kind switch
    {
        ParameterKind.Boolean => "true or false",
        ParameterKind.Choice => string.Join(", ", Choices!),
        ParameterKind.Seed => "a whole number from 0 to 18446744073709551615",
        ParameterKind.Word => "a name of letters, digits, '_' and '-'",
        _ => (double.IsNegativeInfinity(Min), double.IsPositiveInfinity(Max)) switch
        {
            (true, true) => Kind == ParameterKind.Integer ? "a whole number" : "a number",
            (false, true) => $"{(Kind == ParameterKind.Integer ? "a whole number" : "a number")} >= {Min.ToString(CultureInfo.InvariantCulture)}",
            _ => $"{(Kind == ParameterKind.Integer ? "a whole number" : "a number")} from {Min.ToString(CultureInfo.InvariantCulture)} to {Max.ToString(CultureInfo.InvariantCulture)}",
        },
    };

    /// <summary>The value in canonical form (lower-case boolean, listed spelling of a choice, invariant number), or an error message.</summary>
    /// <param name="text">The value as typed (surrounding spaces ignored).</param>
    /// <returns>(value, null) when allowed; (null, a one-line refusal naming the allowed values and a near match) otherwise.</returns>
    public (string? Value, string? Error) Normalize(string text)
    {
        string t = text.Trim();
        switch (Kind)
        {
            case ParameterKind.Boolean:
                if (t.Equals("true", StringComparison.OrdinalIgnoreCase)) return ("true", null);
                if (t.Equals("false", StringComparison.OrdinalIgnoreCase)) return ("false", null);
                return (null, Refusal(text, NearMatch.Suggest(t, ["true", "false"])));
            case ParameterKind.Choice:
                var choice = Choices!.FirstOrDefault(c => c.Equals(t, StringComparison.OrdinalIgnoreCase));
                return choice is not null ? (choice, null) : (null, Refusal(text, NearMatch.Suggest(t, Choices!)));
            case ParameterKind.Word:
                return t.Length > 0 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? (t.ToLowerInvariant(), null) : (null, Refusal(text, null));
            case ParameterKind.Seed:
                return IsDigits(t) && ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                    ? (seed.ToString(CultureInfo.InvariantCulture), null) : (null, Refusal(text, null));
            case ParameterKind.Integer:
                if (!IsDigits(t.StartsWith('-') ? t[1..] : t) || !long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    || i > int.MaxValue || i < int.MinValue || i < Min || i > Max)
                    return (null, Refusal(text, null));
                return (i.ToString(CultureInfo.InvariantCulture), null);
            default:
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x) || x < Min || x > Max)
                    return (null, Refusal(text, null));
                return (x.ToString("R", CultureInfo.InvariantCulture), null);
        }
    }

    private string Refusal(string text, string? suggestion) =>
        $"--param {Name}={text}: not allowed (allowed: {Allowed})" + (suggestion is null ? "" : $"; did you mean {Name}={suggestion}?");

    private static bool IsDigits(string s) => s.Length > 0 && s.All(c => c is >= '0' and <= '9');
}

/// <summary>
/// Every --param key of the pipeline, in one place: the runner refuses anything else before any work, and
/// RunContext refuses to read a key that is not declared here. Adding a parameter is one line below.
/// </summary>
public static class PipelineParameters
{
    private static readonly string[] Every = ["all"];

    /// <summary>The declared parameters, in the order README lists them.</summary>
    public static readonly IReadOnlyList<PipelineParameter> All =
    [
        new("seed", ParameterKind.Seed, "20201030", ["03", "04", "05", "06", "07"], "seed of every random draw (proximity nulls, permutations, random sets, bootstrap); same seed gives byte-identical results"),
        new("offline", ParameterKind.Boolean, "false", Every, "true: never download; inputs must be in the mirror or data/cache/", AffectsResults: false),
        new("dilution_range", ParameterKind.Number, "256", ["02"], "assumed ratio of highest to lowest tested concentration (Table S2b gives only the highest)", Min: 1),
        new("n_random", ParameterKind.Integer, "1000", ["03", "07"], "degree-matched randomisations per drug x pathway", Min: 1),
        new("proximity_drugs", ParameterKind.Choice, "main", ["03"], "all: proximity for all drug rows of drug_drugTarget.txt, compared with the authors' column", Choices: ["main", "all"]),
        new("gmt", ParameterKind.Choice, "authors", ["04", "05", "06"], "authors: the authors' loss of each gene set's first gene; corrected: every gene", Choices: ["authors", "corrected"]),
        new("permutations", ParameterKind.Integer, "1999", ["04"], "permutation null of the leave-one-out Spearman (ridgecv, ols)", Min: 1),
        new("svr_permutations", ParameterKind.Integer, "199", ["04"], "permutation null of the leave-one-out Spearman (svr)", Min: 1),
        new("random_draws", ParameterKind.Integer, "1000", ["05", "07"], "random pathway sets for the empirical p of the network selection", Min: 1),
        new("robustness_permutations", ParameterKind.Integer, "1000", ["05", "06", "07"], "robustness: whole-pipeline organoid-label permutations", Min: 1),
        new("robustness_bootstrap", ParameterKind.Integer, "2000", ["05", "06"], "robustness: patient bootstrap resamples", Min: 1),
        new("inputs", ParameterKind.Choice, "auto", Every, "auto: the paper's own inputs where scripts/fetch-inputs fetched them (data/connected/), else the mirror's stand-ins; mirror: the mirror's inputs only", Choices: ["auto", "mirror"]),
        new("arm", ParameterKind.Word, "all", ["07"], "stage 07: run one drug-atlas arm alone (its id, e.g. gemcitabine_blca); all: every arm"),
        new("learner_permutations", ParameterKind.Integer, "9", ["04"], "permutation null of the leave-one-out Spearman (ML.NET learners fasttree, lightgbm, sdca: refitted on every shuffle)", Min: 1),
    ];

    /// <summary>The declared parameter named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A key (case-sensitive).</param>
    public static PipelineParameter? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// Checks key=value pairs against the declarations: returns them in canonical form (sorted by key), or the list of
    /// refusals, each naming the key, the value, the allowed values and a near match.
    /// </summary>
    /// <param name="given">key=value pairs as given on the command line.</param>
    /// <returns>The accepted values in canonical form and every refusal (empty when all are allowed).</returns>
    public static (SortedDictionary<string, string> Values, IReadOnlyList<string> Errors) Validate(IEnumerable<KeyValuePair<string, string>> given)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (key, text) in given)
        {
            var p = Find(key);
            if (p is null)
            {
                var near = NearMatch.Suggest(key, All.Select(x => x.Name));
                errors.Add($"--param {key}={text}: unknown parameter{(near is null ? "" : $"; did you mean {near}?")} (known: {string.Join(", ", All.Select(x => x.Name))})");
                continue;
            }
            var (value, error) = p.Normalize(text);
            if (error is not null) errors.Add(error);
            else values[key] = value!;
        }
        return (values, errors);
    }

    /// <summary>The value every declared parameter takes in a run with these (validated) settings: given, else default.</summary>
    /// <param name="given">Values returned by <see cref="Validate"/>.</param>
    public static SortedDictionary<string, string> Effective(IReadOnlyDictionary<string, string> given)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in All) result[p.Name] = given.TryGetValue(p.Name, out var v) ? v : p.Default;
        return result;
    }
}
