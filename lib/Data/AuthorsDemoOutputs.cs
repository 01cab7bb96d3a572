using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// One row of the authors' top-k table (multi_pathway_predictions.txt of github.com/billy-kong/organoid_biomarker_detection):
/// their patient split of TCGA <paramref name="CancerType"/> patients treated with <paramref name="Drug"/> by the sum of
/// the top <paramref name="K"/> pathways of <paramref name="Model"/>, on their full-transcriptome data.
/// </summary>
/// <param name="CancerType">TCGA project in lower case, e.g. "coad".</param>
/// <param name="Drug">DrugBank name, e.g. "FLUOROURACIL".</param>
/// <param name="Model">The authors' scikit-learn model name: "Ridge", "SVR" or "LinearRegression" (see <see cref="AuthorsDemoOutputs.OurModelName"/>).</param>
/// <param name="K">Number of pathways, 2..10 in their file.</param>
/// <param name="Pathways">The k pathways, in their rank order.</param>
/// <param name="Surv5Responders">5-year survival of the predicted responders (lifelines KM at 60 months), full precision.</param>
/// <param name="Surv5NonResponders">The same for the predicted non-responders.</param>
/// <param name="LogRankP">Log-rank p (lifelines), full precision.</param>
/// <param name="Line">Line in the file (1-based), for messages.</param>
public sealed record AuthorsTopKRow(string CancerType, string Drug, string Model, int K, IReadOnlyList<string> Pathways,
    double Surv5Responders, double Surv5NonResponders, double LogRankP, int Line);

/// <summary>
/// The authors' k = 1 Kaplan-Meier numbers of one model, read from their figure (single_pathway_values_read_from_figures.tsv
/// of the data mirror). Numbers keep the text they were read with: the figure gives p to 3 significant digits and the
/// 5-year survivals to 3 decimals, so a comparison must use that precision (<see cref="StatedNumber"/>).
/// </summary>
/// <param name="Model">The authors' scikit-learn model name ("Ridge", "SVR", "LinearRegression").</param>
/// <param name="Cohort">The study's cohort id the figure shows (the file's cohort column up to " (").</param>
/// <param name="Biomarker">The single pathway of the split.</param>
/// <param name="NResponders">Predicted responders (the figure's legend).</param>
/// <param name="NNonResponders">Predicted non-responders.</param>
/// <param name="EventsResponders">Deaths among the responders (counted from the plotted steps).</param>
/// <param name="EventsNonResponders">Deaths among the non-responders.</param>
/// <param name="LogRankP">Log-rank p (the figure's title).</param>
/// <param name="Surv5Responders">Kaplan-Meier survival of the responders at 60 months (read from the step heights).</param>
/// <param name="Surv5NonResponders">The same for the non-responders.</param>
/// <param name="ReadFrom">The figure the numbers were read from.</param>
/// <param name="Line">Line in the file (1-based), for messages.</param>
public sealed record AuthorsKaplanMeierValues(string Model, string Cohort, string Biomarker, StatedNumber NResponders, StatedNumber NNonResponders,
    StatedNumber EventsResponders, StatedNumber EventsNonResponders, StatedNumber LogRankP, StatedNumber Surv5Responders, StatedNumber Surv5NonResponders,
    string ReadFrom, int Line);

/// <summary>
/// A number as a reference states it, with the precision it is stated to: "0.0144" is 0.0144 ± 0.00005, "57" is exact.
/// </summary>
/// <param name="Text">The text as read (invariant culture).</param>
/// <param name="Value">Its value.</param>
public sealed record StatedNumber(string Text, double Value)
{
    /// <summary>Digits after the decimal point (0 for an integer).</summary>
    public int Decimals => Text.IndexOf('.') is var i and >= 0 ? Text.Length - i - 1 : 0;

    /// <summary>True when <paramref name="x"/> rounds to this number at its stated precision (half a unit of the last digit).</summary>
    /// <param name="x">Our value, e.g. a log-rank p.</param>
    public bool Agrees(double x) => Math.Abs(x - Value) <= 0.5 * Math.Pow(10, -Decimals) * (1 + 1e-12);

    /// <summary>A plain decimal number as written in a reference file.</summary>
    /// <param name="text">Invariant-culture digits with an optional point; no exponent.</param>
    /// <param name="path">The file, for the error message.</param>
    /// <param name="line">The 1-based line, for the error message.</param>
    /// <param name="column">The column, for the error message.</param>
    /// <exception cref="InputException">Not a finite plain decimal number (an exponent hides the stated precision).</exception>
    public static StatedNumber Parse(string text, string path, int line, string column)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || text.Contains('e') || text.Contains('E'))
            throw new InputException(path, line, $"{column} '{text}' is not a plain decimal number", "restore the mirror file");
        return new StatedNumber(text, v);
    }

    /// <summary>The text as read.</summary>
    public override string ToString() => Text;
}

/// <summary>
/// Readers of the authors' demo outputs in the data mirror (reference/authors_demo_coad_5fu/): their top-k table and the
/// k = 1 numbers read from their figures. Missing columns, a non-number, a k below 1, a pathway count that is not k, or
/// a duplicated (model, k) row is an <see cref="InputException"/> naming the file and line.
/// </summary>
public static class AuthorsDemoOutputs
{
    /// <summary>
    /// Our model name for the authors' scikit-learn class name: "Ridge" (their RidgeCV(cv=3, alphas 0.1..0.9)) is
    /// "ridgecv", "SVR" is "svr", "LinearRegression" is "ols"; null for a name we do not fit.
    /// </summary>
    /// <param name="authorsModel">The authors' class name (exact, case-sensitive).</param>
    public static string? OurModelName(string authorsModel) => authorsModel switch
    {
        "Ridge" => "ridgecv",
        "SVR" => "svr",
        "LinearRegression" => "ols",
        _ => null,
    };

    /// <summary>multi_pathway_predictions.txt: one row per (cancer type, drug, model, k), in file order.</summary>
    /// <param name="path">The tab-separated file (columns cancer_type, drug, ML, num_pathways, pathways (';'-joined),
    /// 5yr_responder, 5yr_nonresponder, pvalue).</param>
    /// <exception cref="InputException">A missing column, no rows, k &lt; 1, a pathway count other than k, a non-finite
    /// number, or a repeated (cancer type, drug, model, k); names the line.</exception>
    public static IReadOnlyList<AuthorsTopKRow> ReadTopK(string path)
    {
        var table = DelimitedFile.Read(path, '\t');
        var c = table.RequireColumns("cancer_type", "drug", "ML", "num_pathways", "pathways", "5yr_responder", "5yr_nonresponder", "pvalue");
        if (table.Rows.Count == 0) throw new InputException(path, 0, "no rows after the header", "restore the mirror file (truncated?)");
        var rows = new List<AuthorsTopKRow>();
        var seen = new Dictionary<(string, string, string, int), int>();
        foreach (var r in table.Rows)
        {
            if (!int.TryParse(r[c["num_pathways"]], NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1)
                throw new InputException(path, r.Line, $"num_pathways '{r[c["num_pathways"]]}' is not a whole number >= 1", "restore the mirror file");
            var pathways = r[c["pathways"]].Split(';');
            if (pathways.Length != k || pathways.Any(p => p.Length == 0))
                throw new InputException(path, r.Line, $"{pathways.Length} pathway name(s) for num_pathways = {k}", "restore the mirror file");
            double Number(string column) =>
                double.TryParse(r[c[column]], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                    : throw new InputException(path, r.Line, $"{column} '{r[c[column]]}' is not a finite number", "restore the mirror file");
            var row = new AuthorsTopKRow(r[c["cancer_type"]], r[c["drug"]], r[c["ML"]], k, pathways, Number("5yr_responder"), Number("5yr_nonresponder"), Number("pvalue"), r.Line);
            var key = (row.CancerType, row.Drug, row.Model, k);
            if (seen.TryGetValue(key, out int earlier))
                throw new InputException(path, r.Line, $"{row.Model} k = {k} for {row.Drug} already on line {earlier}", "restore the mirror file");
            seen[key] = r.Line;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>single_pathway_values_read_from_figures.tsv: one row per (model, cohort), numbers with their stated precision.</summary>
    /// <param name="path">The tab-separated file (model, cohort, biomarker, n_*, events_*, logrank_p, surv5_*, read_from).</param>
    /// <exception cref="InputException">A missing column, no rows, an empty cohort, a number that is not a plain decimal,
    /// or a repeated (model, cohort); names the line.</exception>
    public static IReadOnlyList<AuthorsKaplanMeierValues> ReadKaplanMeierValues(string path)
    {
        var table = DelimitedFile.Read(path, '\t');
        var c = table.RequireColumns("model", "cohort", "biomarker", "n_responders", "n_nonresponders", "events_responders", "events_nonresponders",
            "logrank_p", "surv5_responders", "surv5_nonresponders", "read_from");
        if (table.Rows.Count == 0) throw new InputException(path, 0, "no rows after the header", "restore the mirror file (truncated?)");
        var rows = new List<AuthorsKaplanMeierValues>();
        foreach (var r in table.Rows)
        {
            StatedNumber N(string column) => StatedNumber.Parse(r[c[column]], path, r.Line, column);
            string cohort = r[c["cohort"]].Split(" (")[0].Trim();
            if (cohort.Length == 0) throw new InputException(path, r.Line, "empty cohort", "restore the mirror file");
            if (rows.Any(x => x.Model == r[c["model"]] && x.Cohort == cohort))
                throw new InputException(path, r.Line, $"model {r[c["model"]]} of cohort {cohort} appears twice", "restore the mirror file");
            rows.Add(new AuthorsKaplanMeierValues(r[c["model"]], cohort, r[c["biomarker"]], N("n_responders"), N("n_nonresponders"),
                N("events_responders"), N("events_nonresponders"), N("logrank_p"), N("surv5_responders"), N("surv5_nonresponders"), r[c["read_from"]], r.Line));
        }
        return rows;
    }
}
