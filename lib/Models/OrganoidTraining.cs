using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// The data one organoid model is trained on: <see cref="X"/>[organoid, feature] holds the pathway scores (e.g. ssGSEA
/// NES, unscaled) of <see cref="Features"/> for <see cref="Organoids"/>, and <see cref="Response"/> their drug response
/// (median ln IC50). <see cref="AbsentFeatures"/> are the requested features that have no score (not in the model);
/// <see cref="OrganoidsWithoutScores"/> have a response but no score column (not in the model).
/// </summary>
/// <param name="Organoids">The training organoids, in the score matrix's column order (rows of <paramref name="X"/>).</param>
/// <param name="Features">The features (pathways) in the score matrix's row order (columns of <paramref name="X"/>).</param>
/// <param name="X">Organoids x features, unscaled scores.</param>
/// <param name="Response">One response per organoid, in <paramref name="Organoids"/> order.</param>
/// <param name="AbsentFeatures">Requested features without a score, left out of the model.</param>
/// <param name="OrganoidsWithoutScores">Organoids with a response but no score column, left out of the model.</param>
public sealed record OrganoidTrainingSet(
    IReadOnlyList<string> Organoids,
    IReadOnlyList<string> Features,
    double[,] X,
    IReadOnlyList<double> Response,
    IReadOnlyList<string> AbsentFeatures,
    IReadOnlyList<string> OrganoidsWithoutScores)
{
    /// <summary>Number of training organoids (rows of <see cref="X"/>).</summary>
    public int OrganoidCount => Organoids.Count;

    /// <summary>Number of features in the model (columns of <see cref="X"/>).</summary>
    public int FeatureCount => Features.Count;
}

/// <summary>
/// An organoid-trained model: features standardised over the training organoids (<see cref="Scaler"/>, population sd),
/// the model fitted on them (<see cref="Fit"/>: coefficients per standardised feature) and its biomarker
/// <see cref="Ranking"/> by |coefficient|.
/// </summary>
/// <param name="Data">The training set.</param>
/// <param name="Scaler">The standardiser fitted over the training organoids.</param>
/// <param name="Fit">The regressor fitted on the standardised features.</param>
/// <param name="Ranking">The features by |coefficient| (<see cref="BiomarkerRanking"/>), rank 1 first.</param>
public sealed record OrganoidModel(OrganoidTrainingSet Data, Standardizer Scaler, FittedModel Fit, IReadOnlyList<RankedBiomarker> Ranking)
{
    /// <summary>The regressor's name (<see cref="FittedModel.ModelName"/>).</summary>
    public string ModelName => Fit.ModelName;

    /// <summary>The model's features, in coefficient order (<see cref="OrganoidTrainingSet.Features"/>).</summary>
    public IReadOnlyList<string> Features => Data.Features;
}

/// <summary>
/// Trains the paper's organoid models (Kong et al. 2020, Methods "Machine learning"): pathway scores of the
/// drug's network-proximal pathways as features, the organoids' drug response as the target, features standardised
/// (scikit-learn StandardScaler: mean 0, population sd 1) over the training organoids, then a regressor; biomarkers are
/// ranked by |coefficient|.
/// <para>
/// Orders, which the authors' scripts fix: organoids in the score matrix's column order (for the authors, the column
/// order of their gseapy expression input and output) restricted to those with a response; this order decides RidgeCV's
/// unshuffled folds. Features in the score matrix's row order (what <c>[p for p in nes.index if p in proximal]</c>
/// gives; gseapy writes its NES sorted by set name, so pass scores sorted that way to reproduce the authors' order,
/// which only moves rounding). Neither depends on the order of the response or of the requested features.
/// </para>
/// </summary>
public static class OrganoidTraining
{
    /// <summary>
    /// Builds the training set: features = the pathways of <paramref name="features"/> that have a score, in
    /// <paramref name="scores"/>' row order; organoids = the columns of <paramref name="scores"/> with a response, in
    /// column order. Counts of absent features and of organoids without scores go to <paramref name="log"/> under
    /// <paramref name="label"/>.
    /// </summary>
    public static OrganoidTrainingSet Assemble(PathwayScores scores, IReadOnlyDictionary<string, double> response,
        IEnumerable<string> features, CountLog? log = null, string label = "training set")
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(features);
        log ??= CountLog.Silent;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (string.IsNullOrEmpty(f)) throw new ArgumentException($"{label}: a feature name is empty", nameof(features));
            wanted.Add(f);
        }
        if (wanted.Count == 0) throw new ArgumentException($"{label}: no features requested", nameof(features));
        foreach (var (organoid, value) in response.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (!double.IsFinite(value)) throw new ArgumentException($"{label}: the response of '{organoid}' is {value} (NaN/Inf not allowed)", nameof(response));

        var present = scores.Pathways.Where(wanted.Contains).ToArray();
        var scored = new HashSet<string>(scores.Pathways, StringComparer.Ordinal);
        var absent = wanted.Where(f => !scored.Contains(f)).Order(StringComparer.Ordinal).ToArray();
        log.Record($"{label}: features with a score", wanted.Count, present.Length, "requested pathways without a score (e.g. too few measured genes) are not features");

        var organoids = scores.Samples.Where(response.ContainsKey).ToArray();
        var sampleSet = new HashSet<string>(scores.Samples, StringComparer.Ordinal);
        var withoutScores = response.Keys.Where(o => !sampleSet.Contains(o)).Order(StringComparer.Ordinal).ToArray();
        log.Record($"{label}: organoids with a response and scores", response.Count, organoids.Length, "organoids need both a response and a score column");

        if (present.Length == 0)
            throw new ArgumentException($"{label}: none of the {wanted.Count} requested features has a score (e.g. {string.Join(", ", absent.Take(3))})", nameof(features));
        if (organoids.Length == 0)
            throw new ArgumentException($"{label}: no organoid has both a response and scores (responses e.g. {string.Join(", ", response.Keys.Order(StringComparer.Ordinal).Take(3))}; " +
                                        $"scored e.g. {string.Join(", ", scores.Samples.Take(3))})", nameof(response));
        var x = scores.Features(present, organoids);
        ModelInput.CheckFinite(x, label);
        return new OrganoidTrainingSet(Array.AsReadOnly(organoids), Array.AsReadOnly(present), x,
            Array.AsReadOnly(organoids.Select(o => response[o]).ToArray()), Array.AsReadOnly(absent), Array.AsReadOnly(withoutScores));
    }

    /// <summary>Standardises the features over the training organoids, fits <paramref name="model"/> and ranks the biomarkers.</summary>
    public static OrganoidModel Fit(OrganoidTrainingSet data, IRegressor model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var (scaler, z) = Standardizer.FitTransform(data.X);
        var fit = model.Fit(z, data.Response.ToArray());
        return new OrganoidModel(data, scaler, fit, BiomarkerRanking.Of(fit, data.Features));
    }

    /// <summary><see cref="Fit(OrganoidTrainingSet, IRegressor)"/> with a model named as in <see cref="Regressors.ByName"/>.</summary>
    public static OrganoidModel Fit(OrganoidTrainingSet data, string modelName) => Fit(data, Regressors.ByName(modelName));
}
