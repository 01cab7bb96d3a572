namespace OrganoidBiomarkers.Models;

/// <summary>The models of stage 04 by name, with the authors' hyper-parameters, so a notebook swaps models by name.</summary>
public static class Regressors
{
    /// <summary>The names <see cref="ByName"/> knows, in the order the paper lists the models.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(new[] { "ridgecv", "svr", "ols", "ridge" });

    /// <summary>
    /// "ridgecv": <see cref="RidgeCv"/> (alphas 0.1..0.9, 3 unshuffled folds, scikit-learn 0.20 fold weighting);
    /// "svr": <see cref="LinearSvr"/> (C 1, epsilon 0.1, tol 1e-3); "ols": <see cref="LeastSquares"/>;
    /// "ridge": <see cref="Ridge"/> (alpha 1, scikit-learn's default). Case-insensitive.
    /// </summary>
    public static IRegressor ByName(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "ridgecv" => new RidgeCv(),
        "svr" => new LinearSvr(),
        "ols" or "linear" or "leastsquares" => new LeastSquares(),
        "ridge" => new Ridge(),
        _ => throw new ArgumentException($"unknown model '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
