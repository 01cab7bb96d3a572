namespace OrganoidBiomarkers.Models;

/// <summary>Every learner by name: the paper's linear models (<see cref="Regressors"/>) and the ML.NET learners.</summary>
public static class Learners
{
    /// <summary>The ML.NET learners of the learner comparison: gradient-boosted trees (FastTree, LightGBM) and SDCA ridge.</summary>
    public static IReadOnlyList<string> MlNetNames { get; } = Array.AsReadOnly(new[] { "fasttree", "lightgbm", "sdca" });

    /// <summary>
    /// True for a learner of the learner comparison only (<see cref="MlNetNames"/>): its organoid evaluation and patient
    /// splits are extra rows of organoid_cv.tsv and validation.tsv, while the robustness analysis (robustness.tsv,
    /// patients.tsv) and the parity table keep to the paper's models, which rank biomarkers by coefficient.
    /// </summary>
    public static bool IsComparisonOnly(string model) => MlNetNames.Contains(model, StringComparer.Ordinal);

    /// <summary>Every name <see cref="ByName"/> knows: <see cref="Regressors.Names"/>, then <see cref="MlNetNames"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Regressors.Names.Concat(MlNetNames).ToArray());

    /// <summary>
    /// A name of <see cref="Regressors.ByName"/> ("ridgecv", "svr", "ols", "ridge"), or "fasttree"
    /// (<see cref="FastTreeLearner"/> defaults), "lightgbm" (<see cref="LightGbmLearner"/>), "sdca"
    /// (<see cref="SdcaLearner"/>, alpha 1 as scikit-learn's Ridge). Case-insensitive.
    /// </summary>
    public static ILearner ByName(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "fasttree" => new FastTreeLearner(),
        "lightgbm" => new LightGbmLearner(),
        "sdca" => new SdcaLearner(),
        var other when other is not null && Regressors.Names.Contains(other) || other is "linear" or "leastsquares" => Regressors.ByName(other!),
        _ => throw new ArgumentException($"unknown learner '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
