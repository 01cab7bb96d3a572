namespace OrganoidBiomarkers.Models;

/// <summary>
/// What one drug's models are trained on: organoid pathway scores (ssGSEA NES, pathways x organoids) and each
/// organoid's response (median ln IC50), in a fixed organoid order. RidgeCV's unshuffled folds depend on that order:
/// it is the order of the NES table's columns.
/// </summary>
public sealed record OrganoidTrainingData(PathwayScores Nes, IReadOnlyList<string> Organoids, IReadOnlyList<double> LnIc50)
{
    /// <summary>The organoids of <paramref name="nes"/> that have a response, in the NES column order.</summary>
    public static OrganoidTrainingData From(PathwayScores nes, IReadOnlyDictionary<string, double> lnIc50)
    {
        ArgumentNullException.ThrowIfNull(nes);
        ArgumentNullException.ThrowIfNull(lnIc50);
        var organoids = nes.Samples.Where(lnIc50.ContainsKey).ToArray();
        if (organoids.Length == 0)
            throw new ArgumentException($"no organoid of the NES table ({string.Join(", ", nes.Samples.Take(4))}, ...) has a response " +
                                        $"({string.Join(", ", lnIc50.Keys.Order(StringComparer.Ordinal).Take(4))}, ...)");
        foreach (var o in organoids)
            if (!double.IsFinite(lnIc50[o])) throw new ArgumentException($"response of organoid {o} is {lnIc50[o]}");
        return new OrganoidTrainingData(nes, organoids, organoids.Select(o => lnIc50[o]).ToArray());
    }
}

/// <summary>
/// A model trained on organoids for one feature set: the features (in NES row order), the standardiser fitted on the
/// training organoids, the fit, and the biomarkers ranked by |coefficient| (<see cref="BiomarkerRanking"/>).
/// </summary>
public sealed record OrganoidModel(string ModelName, IReadOnlyList<string> Features, Standardizer Scaler, FittedModel Fit, IReadOnlyList<RankedBiomarker> Biomarkers);

/// <summary>
/// Trains a model on organoids for a given pathway set, as the authors did (scikit-learn: StandardScaler over the
/// training organoids, then the regressor on the standardised NES; biomarkers = coefficients ranked by magnitude).
/// Shared by the network-selected models and every baseline, so they differ only in the feature set.
/// </summary>
public static class OrganoidModels
{
    /// <summary>
    /// Fits <paramref name="model"/> (a <see cref="Regressors.ByName"/> name) on <paramref name="features"/>. The
    /// features are put in the NES table's row order whatever order they are given in, so a set gives one model.
    /// </summary>
    /// <exception cref="ArgumentException">No feature, a feature listed twice, or one the organoid NES does not score.</exception>
    public static OrganoidModel Train(OrganoidTrainingData data, IEnumerable<string> features, string model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        var list = features.ToList();
        if (list.Count == 0) throw new ArgumentException("no features to train on");
        var rows = new List<(int Row, string Name)>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            if (!seen.Add(f)) throw new ArgumentException($"feature '{f}' is listed twice");
            int row = data.Nes.PathwayIndex(f);
            if (row < 0) throw new ArgumentException($"feature '{f}' is not scored in the organoid NES ({data.Nes.Pathways.Count} pathways)");
            rows.Add((row, f));
        }
        rows.Sort((a, b) => a.Row.CompareTo(b.Row));
        var ordered = rows.Select(r => r.Name).ToArray();
        var x = data.Nes.Features(ordered, data.Organoids);
        var (scaler, z) = Standardizer.FitTransform(x);
        var fit = Regressors.ByName(model).Fit(z, data.LnIc50.ToArray());
        return new OrganoidModel(fit.ModelName, ordered, scaler, fit, BiomarkerRanking.Of(fit, ordered));
    }
}
