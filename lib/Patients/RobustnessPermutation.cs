using OrganoidBiomarkers.Common;
using System.Globalization;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The whole-pipeline permutation test of one patient split (<see cref="RobustnessPermutation.Run"/>).
/// </summary>
/// <param name="ObservedChiSquare">Log-rank chi-square of the split made by the model trained on the real labels.</param>
/// <param name="ObservedSigned">Its signed root (+ in the paper's direction: predicted non-responders die sooner).</param>
/// <param name="ChiSquare">The chi-square of each permutation, in permutation order; NaN where the split is undefined.</param>
/// <param name="Signed">The signed root of each permutation; NaN where undefined.</param>
/// <param name="Biomarkers">The biomarkers each permutation's split used (names, in rank order).</param>
/// <param name="Undefined">Permutations whose split is undefined (all scores tied, so one group is empty): left out of both p-values.</param>
/// <param name="P">Two-sided empirical p of <see cref="ObservedChiSquare"/>: (1 + #chi-square &gt;= observed) / (1 + defined permutations).</param>
/// <param name="PDirectional">Directional empirical p of <see cref="ObservedSigned"/> (only splits at least as strong in the paper's direction count).</param>
public sealed record RobustnessPermutationResult(
    double ObservedChiSquare,
    double ObservedSigned,
    IReadOnlyList<double> ChiSquare,
    IReadOnlyList<double> Signed,
    IReadOnlyList<IReadOnlyList<string>> Biomarkers,
    int Undefined,
    double P,
    double PDirectional)
{
    /// <summary>Permutations run (defined or not).</summary>
    public int Permutations => ChiSquare.Count;

    /// <summary>The defined null chi-squares, in permutation order.</summary>
    public IReadOnlyList<double> DefinedChiSquares => ChiSquare.Where(v => !double.IsNaN(v)).ToArray();

    /// <summary>The defined null signed statistics, in permutation order.</summary>
    public IReadOnlyList<double> DefinedSigned => Signed.Where(v => !double.IsNaN(v)).ToArray();
}

/// <summary>
/// Whole-pipeline permutation test of the patient validation (Good 2005, ch. 3; the organoid-label permutation the
/// paper did not run): shuffle the organoids' drug response (ln IC50) across the training organoids, retrain the model
/// on the same features (<see cref="OrganoidTraining"/>: standardisation, RidgeCV's alpha search and all), rank the
/// biomarkers, split the same patients with the new top-k (<see cref="ResponderSplit.Split"/>) and take the log-rank
/// statistic (<see cref="SurvivalValidation.LogRankStatistic"/>). Empirical p-values by
/// <see cref="RandomPathwaySets.EmpiricalP"/>.
/// <para>
/// Feature selection is not rerun because it cannot change: the network selection (proximity of drug targets to
/// pathways, stage 03) does not look at the IC50, so under permuted labels it selects the same pathways. (A selection
/// that used the response, such as the correlation baseline, would have to be rerun inside the loop.)
/// </para>
/// <para>
/// Draw order: permutation i shuffles the response vector of the training organoids, taken in the training set's
/// organoid order (the score matrix's column order), by a Fisher-Yates shuffle (<see cref="Common.Rng.ShuffleInplace{T}"/>)
/// from its own stream <c>Rng.ForStream(seed, streamIds..., "perm", i)</c>. Permutations run in parallel into fixed
/// slots, so the result does not depend on the thread count.
/// </para>
/// </summary>
public static class RobustnessPermutation
{
    // Ties: with k = 1 many permutations pick the observed biomarker again; with the opposite sign they give its mirror
    // split (groups swapped), whose chi-square is the same in exact arithmetic but summed over the other group, so it
    // differs by rounding. RandomPathwaySets.EmpiricalP counts such draws as ties (RandomPathwaySets.TieTolerance).

    /// <summary>
    /// Runs <paramref name="permutations"/> permutations of <paramref name="response"/> over the organoids that
    /// <paramref name="organoidScores"/> scores, each retrained with <paramref name="model"/> on <paramref name="features"/>
    /// and split on <paramref name="unit"/> with the top <paramref name="k"/> scorable biomarkers.
    /// </summary>
    /// <param name="organoidScores">Organoid pathway scores.</param>
    /// <param name="response">Organoid -> training response (ln IC50); the values permuted.</param>
    /// <param name="features">The pathways the model is trained on (the network selection).</param>
    /// <param name="model">A model name as <see cref="Regressors.ByName"/> takes it.</param>
    /// <param name="k">Number of top biomarkers of each split, &gt;= 1.</param>
    /// <param name="unit">The patients split by the observed and each permuted model.</param>
    /// <param name="permutations">Number of permutations, &gt;= 1.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="streamIds">Ids that, with the seed, name this test's random streams (e.g. the arm and unit).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (null: all); the result is the same for any value.</param>
    /// <exception cref="ArgumentException">Bad counts, an unknown model, fewer than 3 training organoids, or an undefined observed split.</exception>
    public static RobustnessPermutationResult Run(
        PathwayScores organoidScores, IReadOnlyDictionary<string, double> response, IReadOnlyCollection<string> features, string model,
        int k, ValidationUnit unit, int permutations, ulong seed, IReadOnlyList<string> streamIds, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(organoidScores);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(streamIds);
        if (permutations < 1) throw new ArgumentException($"permutations must be at least 1, got {permutations}", nameof(permutations));
        if (k < 1) throw new ArgumentException($"k must be at least 1, got {k}", nameof(k));
        _ = Regressors.ByName(model); // an unknown model name fails here, once
        var data = OrganoidTraining.Assemble(organoidScores, response, features);
        if (data.OrganoidCount < 3) throw new ArgumentException($"{data.OrganoidCount} training organoids: too few to permute", nameof(response));

        var (observedChi, observedSigned, _) = SplitStatistic(OrganoidTraining.Fit(data, model), k, unit);
        if (double.IsNaN(observedChi))
            throw new ArgumentException($"the observed split of unit {unit.Cohort} x {unit.ExpressionSource} is undefined (one group empty or no event): nothing to test", nameof(unit));

        var chi = new double[permutations];
        var signed = new double[permutations];
        var used = new IReadOnlyList<string>[permutations];
        var labels = data.Response.ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, permutations, parallel, i =>
        {
            var rng = Common.Rng.ForStream(seed, [.. streamIds, "perm", i.ToString(CultureInfo.InvariantCulture)]);
            var shuffled = rng.Shuffled(labels);
            var fit = OrganoidTraining.Fit(data with { Response = Array.AsReadOnly(shuffled) }, model);
            (chi[i], signed[i], used[i]) = SplitStatistic(fit, k, unit);
        });

        var definedChi = chi.Where(v => !double.IsNaN(v)).ToArray();
        var definedSigned = signed.Where(v => !double.IsNaN(v)).ToArray();
        if (definedChi.Length == 0) throw new InvalidOperationException($"all {permutations} permuted splits are undefined: no null distribution");
        return new RobustnessPermutationResult(observedChi, observedSigned, chi, signed, used, permutations - definedChi.Length,
            RandomPathwaySets.EmpiricalP(observedChi, definedChi), RandomPathwaySets.EmpiricalP(observedSigned, definedSigned));
    }

    private static (double Chi, double Signed, IReadOnlyList<string> Biomarkers) SplitStatistic(OrganoidModel fit, int k, ValidationUnit unit)
    {
        var split = ResponderSplit.Split(fit.Ranking, k, unit.Standardized, unit.Patients);
        var (chi, signed) = SurvivalValidation.LogRankStatistic(split, unit.Survival);
        return (chi, signed, split.Biomarkers.Select(b => b.Name).ToArray());
    }
}
