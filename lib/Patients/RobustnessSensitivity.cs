namespace OrganoidBiomarkers.Patients;

/// <summary>One choice an analyst makes and the value taken, e.g. ("selection", "string").</summary>
/// <param name="Name">The choice, e.g. "selection", "model" or "k".</param>
/// <param name="Value">The value taken, as text.</param>
public sealed record AnalysisChoice(string Name, string Value);

/// <summary>
/// One run of the validation grid, described by its choices (the same names in the same order for every run), with
/// what a forest plot shows: the hazard ratio of predicted non-responders (Wald 95% interval), the log-rank p and its
/// signed root (+ in the paper's direction), patients and deaths. NaN where the run has no defined test.
/// </summary>
/// <param name="Choices">The run's choices, the same names in the same order for every run.</param>
/// <param name="HazardRatio">Cox hazard ratio of predicted non-responders relative to responders; NaN when undefined.</param>
/// <param name="Lower">Lower limit of the Wald 95% interval; NaN when undefined.</param>
/// <param name="Upper">Upper limit of the Wald 95% interval; NaN when undefined.</param>
/// <param name="LogRankP">Log-rank p in [0, 1]; NaN when undefined.</param>
/// <param name="SignedLogRank">sqrt(log-rank chi-square), positive in the paper's direction; NaN when undefined.</param>
/// <param name="Patients">Patients split.</param>
/// <param name="Events">Deaths among them.</param>
public sealed record SensitivityRun(IReadOnlyList<AnalysisChoice> Choices, double HazardRatio, double Lower, double Upper,
    double LogRankP, double SignedLogRank, int Patients, int Events)
{
    /// <summary>The value taken for the choice named <paramref name="choice"/>; an error when the run has no such choice.</summary>
    /// <param name="choice">A choice name, compared ordinally.</param>
    /// <exception cref="ArgumentException">The run has no choice of that name.</exception>
    public string ValueOf(string choice) =>
        Choices.FirstOrDefault(c => string.Equals(c.Name, choice, StringComparison.Ordinal))?.Value
        ?? throw new ArgumentException($"the run has no choice '{choice}'", nameof(choice));
}

/// <summary>A run beside the main setting: <see cref="Varied"/> names the one choice that differs ("main" for the main run itself).</summary>
/// <param name="Varied">The choice that differs from the main setting, or "main".</param>
/// <param name="Value">The value this run takes for it; empty for the main run.</param>
/// <param name="Run">The run.</param>
public sealed record SensitivityRow(string Varied, string Value, SensitivityRun Run);

/// <summary>
/// The spread of a set of runs (e.g. k = 1..10 of the main setting): how many have a defined test, the smallest, median
/// and largest hazard ratio among them, and how many reach log-rank p &lt; 0.05 (in total and in the paper's direction).
/// </summary>
/// <param name="Runs">Runs in the set.</param>
/// <param name="Defined">Runs with both a hazard ratio and a log-rank p.</param>
/// <param name="MinHazardRatio">Smallest hazard ratio of the defined runs; NaN when none is defined.</param>
/// <param name="MedianHazardRatio">Median hazard ratio of the defined runs; NaN when none is defined.</param>
/// <param name="MaxHazardRatio">Largest hazard ratio of the defined runs; NaN when none is defined.</param>
/// <param name="Nominal">Defined runs with log-rank p &lt; <see cref="RobustnessSensitivity.NominalLevel"/>.</param>
/// <param name="NominalPaperDirection">Of those, the runs whose signed statistic is positive (the paper's direction).</param>
public sealed record SensitivityRange(int Runs, int Defined, double MinHazardRatio, double MedianHazardRatio, double MaxHazardRatio,
    int Nominal, int NominalPaperDirection);

/// <summary>
/// One-at-a-time sensitivity analysis (Saltelli et al. 2008, ch. 1): from a grid of runs, the main setting and every
/// run that differs from it in exactly one choice, so each row of a forest plot answers "what if the analyst had chosen
/// this instead". Runs differing in two or more choices are left out (they confound the choices).
/// </summary>
public static class RobustnessSensitivity
{
    /// <summary>Significance level of the <see cref="SensitivityRange"/> counts.</summary>
    public const double NominalLevel = 0.05;

    /// <summary>
    /// The main run first (<see cref="SensitivityRow.Varied"/> = "main"), then, choice by choice in the order of
    /// <paramref name="main"/>, the runs differing only in that choice, in input order.
    /// </summary>
    /// <param name="runs">The grid's runs, every one with the main setting's choice names in the same order.</param>
    /// <param name="main">The main setting's choices.</param>
    /// <exception cref="ArgumentException">A run with other choice names, no or several runs with the main setting, or two identical settings.</exception>
    public static IReadOnlyList<SensitivityRow> OneAtATime(IReadOnlyList<SensitivityRun> runs, IReadOnlyList<AnalysisChoice> main)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(main);
        if (main.Count == 0) throw new ArgumentException("the main setting has no choices", nameof(main));
        var names = main.Select(c => c.Name).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw new ArgumentException("a choice is named twice in the main setting", nameof(main));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in runs)
        {
            if (!r.Choices.Select(c => c.Name).SequenceEqual(names, StringComparer.Ordinal))
                throw new ArgumentException($"a run has choices ({string.Join(", ", r.Choices.Select(c => c.Name))}), expected ({string.Join(", ", names)})", nameof(runs));
            string key = string.Join("\u0001", r.Choices.Select(c => c.Value));
            if (!seen.Add(key)) throw new ArgumentException($"two runs have the same setting ({Describe(r.Choices)})", nameof(runs));
        }
        var mains = runs.Where(r => Differences(r, main).Count == 0).ToList();
        if (mains.Count != 1) throw new ArgumentException($"no run has the main setting ({Describe(main)})", nameof(main));
        var rows = new List<SensitivityRow> { new("main", "", mains[0]) };
        for (int c = 0; c < names.Length; c++)
            foreach (var r in runs)
                if (Differences(r, main) is [var only] && only == c)
                    rows.Add(new SensitivityRow(names[c], r.Choices[c].Value, r));
        return rows;
    }

    /// <summary>The spread of <paramref name="runs"/>' hazard ratios and nominal log-rank results; runs without a defined test count in <see cref="SensitivityRange.Runs"/> only.</summary>
    /// <param name="runs">The runs, at least one.</param>
    /// <exception cref="ArgumentException">No run.</exception>
    public static SensitivityRange Range(IReadOnlyList<SensitivityRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("no runs", nameof(runs));
        var defined = runs.Where(r => !double.IsNaN(r.HazardRatio) && !double.IsNaN(r.LogRankP)).ToList();
        if (defined.Count == 0) return new SensitivityRange(runs.Count, 0, double.NaN, double.NaN, double.NaN, 0, 0);
        var hr = defined.Select(r => r.HazardRatio).ToArray();
        return new SensitivityRange(runs.Count, defined.Count, hr.Min(), RobustnessBootstrap.Quantile(hr, 0.5), hr.Max(),
            defined.Count(r => r.LogRankP < NominalLevel), defined.Count(r => r.LogRankP < NominalLevel && r.SignedLogRank > 0));
    }

    private static List<int> Differences(SensitivityRun run, IReadOnlyList<AnalysisChoice> main)
    {
        var d = new List<int>();
        for (int c = 0; c < main.Count; c++)
            if (!string.Equals(run.Choices[c].Value, main[c].Value, StringComparison.Ordinal)) d.Add(c);
        return d;
    }

    private static string Describe(IEnumerable<AnalysisChoice> choices) => string.Join(", ", choices.Select(c => $"{c.Name} = {c.Value}"));
}
