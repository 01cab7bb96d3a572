using MathNet.Numerics.Distributions;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// The Kaplan-Meier product-limit estimator of the survival function, with Greenwood's variance and pointwise
/// confidence intervals as R survival's <c>survfit(Surv(time, status) ~ 1)</c> (Therneau, survival 3.5; Kaplan &amp;
/// Meier 1958; Greenwood 1926). Subjects censored at an event time count as at risk at that time.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Fits the Kaplan-Meier curve of <paramref name="data"/>.</summary>
    /// <param name="data">Follow-up of each subject; times finite and &gt;= 0.</param>
    /// <param name="confidence">Interval scale; R's default is <see cref="KaplanMeierConfidence.Log"/>.</param>
    /// <param name="confidenceLevel">Two-sided level, R's <c>conf.int</c> (default 0.95).</param>
    /// <exception cref="ArgumentException">Empty input, NaN/infinite/negative times, level outside (0, 1).</exception>
    public static KaplanMeierFit Fit(
        IReadOnlyList<SurvivalTime> data,
        KaplanMeierConfidence confidence = KaplanMeierConfidence.Log,
        double confidenceLevel = 0.95)
    {
        SurvivalInput.Validate(data, nameof(data));
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentException($"confidenceLevel must be in (0, 1), got {confidenceLevel}.", nameof(confidenceLevel));
        double z = Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);

        var order = SurvivalInput.OrderByTime(data);
        var steps = new List<KaplanMeierStep>();
        int atRisk = data.Count;
        double survival = 1, greenwood = 0;
        int i = 0;
        while (i < order.Length)
        {
            double t = data[order[i]].Time;
            int events = 0, censored = 0;
            for (; i < order.Length && data[order[i]].Time == t; i++)
                if (data[order[i]].Event) events++; else censored++;
            if (events > 0)
            {
                survival *= (double)(atRisk - events) / atRisk;
                // d/(n(n-d)) is +Inf when everyone left at risk dies: se(log S) is then infinite, as in R.
                greenwood += atRisk == events ? double.PositiveInfinity : (double)events / ((double)atRisk * (atRisk - events));
            }
            double seLog = Math.Sqrt(greenwood);
            var (lower, upper) = Interval(survival, seLog, z, confidence);
            steps.Add(new KaplanMeierStep(t, atRisk, events, censored, survival, seLog, survival * seLog, lower, upper));
            atRisk -= events + censored;
        }
        return new KaplanMeierFit(steps, confidence, confidenceLevel, data.Count, steps.Sum(s => s.Events));
    }

    /// <summary>Pointwise limits exactly as survival:::survfit_confint (logse = TRUE, ulimit = TRUE).</summary>
    internal static (double Lower, double Upper) Interval(double s, double seLog, double z, KaplanMeierConfidence type)
    {
        switch (type)
        {
            case KaplanMeierConfidence.Log:
            {
                if (s == 0) return (double.NaN, double.NaN);
                double w = z * seLog;
                return (Math.Exp(Math.Log(s) - w), Math.Min(Math.Exp(Math.Log(s) + w), 1));
            }
            case KaplanMeierConfidence.LogLog:
            {
                if (s == 0 || s == 1) return (double.NaN, double.NaN);
                double w = z * seLog / Math.Log(s);
                double ll = Math.Log(-Math.Log(s));
                return (Math.Exp(-Math.Exp(ll - w)), Math.Exp(-Math.Exp(ll + w)));
            }
            case KaplanMeierConfidence.Plain:
            {
                // 0 x Inf = NaN where S = 0: R returns NA there too (Math.Max/Min propagate NaN like pmax/pmin).
                double w = seLog * s * z;
                return (Math.Max(s - w, 0), Math.Min(s + w, 1));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown confidence interval type");
        }
    }
}
