namespace OrganoidBiomarkers.Patients;

/// <summary>One group's line of the log-rank table (R survdiff's N, Observed, Expected).</summary>
/// <param name="Subjects">Subjects in the group.</param>
/// <param name="Observed">Events observed in the group.</param>
/// <param name="Expected">Events expected under equal hazards: sum over event times of d x n_group / n.</param>
public sealed record LogRankGroup(int Subjects, int Observed, double Expected);

/// <summary>
/// A two-group log-rank test (<see cref="LogRank.Test"/>).
/// </summary>
/// <param name="Group1">Counts for the first group.</param>
/// <param name="Group2">Counts for the second group.</param>
/// <param name="Variance">Hypergeometric variance of Observed - Expected of group 1 (R <c>survdiff(...)$var[1, 1]</c>).</param>
/// <param name="ChiSquare">(O1 - E1)^2 / Variance, 1 df (R <c>$chisq</c>).</param>
/// <param name="PValue">Upper tail of chi-square(1) at <paramref name="ChiSquare"/>.</param>
public sealed record LogRankResult(LogRankGroup Group1, LogRankGroup Group2, double Variance, double ChiSquare, double PValue)
{
    /// <summary>Always 1: two groups.</summary>
    public int DegreesOfFreedom => 1;
}

/// <summary>
/// The log-rank (Mantel-Haenszel) test of equal survival in two groups, as R survival's
/// <c>survdiff(Surv(time, status) ~ group)</c> with rho = 0 (Mantel 1966; Peto &amp; Peto 1972), and lifelines'
/// <c>logrank_test</c>. Subjects censored at an event time count as at risk at that time.
/// </summary>
public static class LogRank
{
    /// <summary>Tests whether <paramref name="group1"/> and <paramref name="group2"/> share one survival function.</summary>
    /// <param name="group1">Right-censored times of the first group (&gt;= 1 subject, one time unit for both groups).</param>
    /// <param name="group2">Right-censored times of the second group (&gt;= 1 subject).</param>
    /// <remarks>
    /// When no event time has both groups at risk the variance is 0 and <see cref="LogRankResult.ChiSquare"/> and
    /// <see cref="LogRankResult.PValue"/> are NaN (nothing to compare).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// A group is empty, a time is NaN/infinite/negative, or there is no event at all (the test is then undefined;
    /// R returns chisq 0 on -1 df).
    /// </exception>
    public static LogRankResult Test(IReadOnlyList<SurvivalTime> group1, IReadOnlyList<SurvivalTime> group2)
    {
        SurvivalInput.Validate(group1, nameof(group1));
        SurvivalInput.Validate(group2, nameof(group2));
        var all = group1.Concat(group2).ToArray();
        var inGroup1 = Enumerable.Range(0, all.Length).Select(i => i < group1.Count).ToArray();
        int observed1 = group1.Count(s => s.Event), observed2 = group2.Count(s => s.Event);
        if (observed1 + observed2 == 0)
            throw new ArgumentException(
                $"no events in either group ({group1.Count} + {group2.Count} subjects, all censored): the log-rank test is undefined.");

        var order = SurvivalInput.OrderByTime(all);
        int atRisk = all.Length, atRisk1 = group1.Count;
        var sums = new LogRankSums();
        int i = 0;
        while (i < order.Length)
        {
            double t = all[order[i]].Time;
            int deaths = 0, leaving = 0, leaving1 = 0;
            for (; i < order.Length && all[order[i]].Time == t; i++)
            {
                int k = order[i];
                if (all[k].Event) deaths++;
                leaving++;
                if (inGroup1[k]) leaving1++;
            }
            sums.AddTime(deaths, atRisk, atRisk1);
            atRisk -= leaving;
            atRisk1 -= leaving1;
        }
        double chiSquare = sums.ChiSquare(observed1);
        return new LogRankResult(
            new LogRankGroup(group1.Count, observed1, sums.Expected1),
            new LogRankGroup(group2.Count, observed2, sums.Expected2),
            sums.Variance, chiSquare, ChiSquareTest.UpperTail(chiSquare, 1));
    }
}

/// <summary>
/// The log-rank sums over distinct event times, shared by <see cref="LogRank.Test"/> and the fast null loops
/// (<see cref="RandomSetBaseline"/>), so the formula exists once.
/// </summary>
internal struct LogRankSums
{
    public double Expected1, Expected2, Variance;

    /// <summary>Adds one distinct time with <paramref name="deaths"/> deaths, <paramref name="atRisk"/> at risk, <paramref name="atRisk1"/> of them in group 1.</summary>
    public void AddTime(int deaths, int atRisk, int atRisk1)
    {
        if (deaths == 0) return;
        Expected1 += deaths * (double)atRisk1 / atRisk;
        Expected2 += deaths * (double)(atRisk - atRisk1) / atRisk;
        if (atRisk > 1)
        {
            // Hypergeometric variance of group 1's deaths: d (n1/n)(1 - n1/n)(n - d)/(n - 1).
            double w = (double)deaths * (atRisk - deaths) / ((double)atRisk * (atRisk - 1));
            Variance += w * atRisk1 * (atRisk - atRisk1) / atRisk;
        }
    }

    public readonly double ChiSquare(int observed1) => (observed1 - Expected1) * (observed1 - Expected1) / Variance;
}
