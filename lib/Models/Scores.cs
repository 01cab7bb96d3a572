namespace OrganoidBiomarkers.Models;

/// <summary>Prediction scores used by model selection and cross-validation (scikit-learn metrics). Correlations: <see cref="Common.Correlation"/>.</summary>
public static class Scores
{
    /// <summary>
    /// Coefficient of determination R^2 = 1 - sum (y - f)^2 / sum (y - mean y)^2 (scikit-learn r2_score, the default
    /// score of every regressor). When the observed values are constant: 1 if the predictions are exact, else 0, as
    /// scikit-learn.
    /// </summary>
    public static double RSquared(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        Common.Correlation.CheckPair(observed, predicted, "RSquared");
        double mean = ModelInput.Mean(observed);
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            ssRes += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        if (ssTot == 0) return ssRes == 0 ? 1.0 : 0.0;
        return 1 - ssRes / ssTot;
    }

    /// <summary>Root mean squared error sqrt(mean (y - f)^2).</summary>
    public static double Rmse(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        Common.Correlation.CheckPair(observed, predicted, "Rmse");
        double s = 0;
        for (int i = 0; i < observed.Count; i++) s += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
        return Math.Sqrt(s / observed.Count);
    }

}
