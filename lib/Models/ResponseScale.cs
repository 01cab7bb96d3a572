namespace OrganoidBiomarkers.Models;

/// <summary>
/// Puts one drug-response measure on the scale of another, so that models trained on either can be compared.
/// Ridge, RidgeCV and least squares are equivariant to an affine change of the response (coefficients scale with it;
/// R^2, hence RidgeCV's alpha, does not move), so their rankings are unaffected. The linear SVR is not: its epsilon
/// (0.1) is in response units, and on an AUC (sd ~0.1) it would swallow nearly every residual. Matching the mean and
/// sd of the reference measure gives epsilon the meaning it has on the reference.
/// </summary>
public static class ResponseScale
{
    /// <summary>
    /// a * values + b, with a &gt; 0 and b chosen so the result has the mean and the population sd of
    /// <paramref name="reference"/> (same length: the same organoids). Order is preserved.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 values, a non-finite value, or a constant input.</exception>
    public static double[] MatchTo(IReadOnlyList<double> values, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(reference);
        if (values.Count != reference.Count) throw new ArgumentException($"ResponseScale: {values.Count} values but {reference.Count} reference values");
        if (values.Count < 2) throw new ArgumentException("ResponseScale: needs at least 2 values");
        if (values.Concat(reference).Any(v => !double.IsFinite(v))) throw new ArgumentException("ResponseScale: a value is not finite");
        var (mv, sv) = MeanSd(values);
        var (mr, sr) = MeanSd(reference);
        if (sv == 0 || sr == 0) throw new ArgumentException("ResponseScale: a constant response cannot be rescaled");
        return values.Select(v => mr + (v - mv) / sv * sr).ToArray();
    }

    private static (double Mean, double Sd) MeanSd(IReadOnlyList<double> x)
    {
        double m = ModelInput.Mean(x), ss = 0;
        foreach (var v in x) ss += (v - m) * (v - m);
        return (m, Math.Sqrt(ss / x.Count));
    }
}
