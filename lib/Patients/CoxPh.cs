using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Cox proportional-hazards regression by maximum partial likelihood, as R survival's
/// <c>coxph(Surv(time, status) ~ x1 + ..., ties = "efron" | "breslow")</c> (Cox 1972; Efron 1977; Breslow 1974;
/// Therneau &amp; Grambsch 2000). Newton-Raphson from beta = 0 with step halving; Wald intervals for the hazard
/// ratios; Wald, score and likelihood-ratio tests. Subjects censored at an event time are in that time's risk set.
/// </summary>
/// <remarks>
/// R stops when the log-likelihood changes by less than 1e-9 relatively; this iterates until the Newton step is
/// below 1e-12 (relative), so estimates are the maximum itself (R's default stopping point can differ from it in the
/// 7th-9th digit). Collinear or constant covariates are rejected (R drops them with an NA coefficient).
/// </remarks>
public static class CoxPh
{
    private const int MaxIterations = 100;
    /// <summary>Converged when every Newton step component is below this, relative to (1 + |beta|).</summary>
    private const double StepTolerance = 1e-12;
    /// <summary>A log-likelihood gain below this (relative) counts as flat; two flat steps end the iteration.</summary>
    private const double FlatGain = 1e-13;
    /// <summary>R's toler.inf rule (coxph.fit): a coefficient is infinite when the pending Newton step stays larger than sqrt(eps) |beta|.</summary>
    private const double InfiniteStepEps = 1e-9;
    /// <summary>Cholesky pivots below this fraction of their diagonal count as singular.</summary>
    private const double PivotTolerance = 1e-12;

    /// <summary>
    /// Hazard ratio of <paramref name="comparison"/> relative to <paramref name="reference"/>: one binary covariate
    /// (1 for comparison subjects), named "comparison vs reference".
    /// </summary>
    /// <remarks>
    /// When every death happens while only one group is still at risk (the other group's last subject left before the
    /// first death), the partial likelihood does not depend on the coefficient: the data carry no information on the
    /// hazard ratio. R's <c>coxph</c> then reports coef NA (and a log-likelihood, score and likelihood-ratio test of 0 on
    /// 0 df); this returns <see cref="CoxStatus.NotEstimable"/> with a NaN estimate, standard error, hazard ratio and
    /// interval, both log-likelihoods at beta = 0, score and likelihood-ratio statistics 0 on 0 df (p = 1), and a NaN
    /// Wald test (tested against R, Golden/survival/coxph_not_estimable.tsv).
    /// </remarks>
    /// <param name="reference">The reference group (covariate 0), &gt;= 1 subject.</param>
    /// <param name="comparison">The compared group (covariate 1), &gt;= 1 subject; the hazard ratio is this group's.</param>
    /// <param name="ties">Ties method; R's default is <see cref="CoxTies.Efron"/>.</param>
    /// <param name="confidenceLevel">Level of the hazard-ratio interval, in (0, 1) (default 0.95).</param>
    /// <exception cref="ArgumentException">A group is empty, a time is invalid, or there is no event.</exception>
    public static CoxPhFit FitGroups(
        IReadOnlyList<SurvivalTime> reference,
        IReadOnlyList<SurvivalTime> comparison,
        CoxTies ties = CoxTies.Efron,
        double confidenceLevel = 0.95)
    {
        SurvivalInput.Validate(reference, nameof(reference));
        SurvivalInput.Validate(comparison, nameof(comparison));
        var data = reference.Concat(comparison).ToArray();
        var x = new double[data.Length, 1];
        for (int i = reference.Count; i < data.Length; i++) x[i, 0] = 1;
        string[] names = ["comparison vs reference"];
        // Both groups are at risk at an event time t exactly when t <= the earlier of the two groups' last times.
        double bothAtRiskUntil = Math.Min(reference.Max(s => s.Time), comparison.Max(s => s.Time));
        if (data.Any(s => s.Event) && !data.Any(s => s.Event && s.Time <= bothAtRiskUntil))
            return NotEstimable(data, x, names, ties, confidenceLevel);
        return Fit(data, x, names, ties, confidenceLevel);
    }

    /// <summary>The fit of a model whose partial likelihood is flat in the (single) coefficient: see <see cref="FitGroups"/>.</summary>
    private static CoxPhFit NotEstimable(SurvivalTime[] data, double[,] x, IReadOnlyList<string> names, CoxTies ties, double confidenceLevel)
    {
        if (ties is not (CoxTies.Efron or CoxTies.Breslow)) throw new ArgumentOutOfRangeException(nameof(ties));
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentException($"confidenceLevel must be in (0, 1), got {confidenceLevel}.", nameof(confidenceLevel));
        var (logLik0, _, _) = new PartialLikelihood(data, x, ties).Evaluate([0.0]);
        var none = new ChiSquareTest(0, 0, 1);
        return new CoxPhFit([new CoxCoefficient(names[0], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)],
            [new[] { double.NaN }], logLik0, logLik0, none, new ChiSquareTest(double.NaN, 0, double.NaN), none,
            ties, confidenceLevel, data.Length, data.Count(s => s.Event), 0, CoxStatus.NotEstimable);
    }

    /// <summary>Fits a Cox model of <paramref name="data"/> on <paramref name="covariates"/> (subjects x covariates).</summary>
    /// <param name="data">Follow-up of each subject; times finite and &gt;= 0.</param>
    /// <param name="covariates">Row i holds subject i's covariates; finite values.</param>
    /// <param name="names">Covariate names (default x1, x2, ...).</param>
    /// <param name="ties">Ties method; R's default is <see cref="CoxTies.Efron"/>.</param>
    /// <param name="confidenceLevel">Level of the hazard-ratio intervals (default 0.95).</param>
    /// <exception cref="ArgumentException">
    /// Invalid times, mismatched sizes, non-finite covariates, no event, or a singular information matrix at
    /// beta = 0 (a covariate constant over the risk sets, or collinear covariates).
    /// </exception>
    public static CoxPhFit Fit(
        IReadOnlyList<SurvivalTime> data,
        double[,] covariates,
        IReadOnlyList<string>? names = null,
        CoxTies ties = CoxTies.Efron,
        double confidenceLevel = 0.95)
    {
        SurvivalInput.Validate(data, nameof(data));
        ArgumentNullException.ThrowIfNull(covariates);
        int n = data.Count, p = covariates.GetLength(1);
        if (covariates.GetLength(0) != n)
            throw new ArgumentException($"covariates has {covariates.GetLength(0)} rows but data has {n} subjects.", nameof(covariates));
        if (p == 0) throw new ArgumentException("covariates has no column.", nameof(covariates));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                if (!double.IsFinite(covariates[i, j]))
                    throw new ArgumentException($"covariates[{i}, {j}] is {covariates[i, j]}: covariates must be finite.", nameof(covariates));
        names ??= Enumerable.Range(1, p).Select(j => $"x{j}").ToArray();
        if (names.Count != p) throw new ArgumentException($"{names.Count} names for {p} covariates.", nameof(names));
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentException($"confidenceLevel must be in (0, 1), got {confidenceLevel}.", nameof(confidenceLevel));
        if (ties is not (CoxTies.Efron or CoxTies.Breslow)) throw new ArgumentOutOfRangeException(nameof(ties));
        int events = data.Count(s => s.Event);
        if (events == 0)
            throw new ArgumentException($"no events among {n} subjects: the Cox partial likelihood is empty.", nameof(data));

        var model = new PartialLikelihood(data, covariates, ties);
        var beta = new double[p];
        var (logLik0, u0, info0) = model.Evaluate(beta);
        var step0 = Solve(info0, u0) ?? throw new ArgumentException(
            "the information matrix at beta = 0 is singular: a covariate is constant among the subjects at risk at the " +
            "event times, or covariates are collinear.", nameof(covariates));
        double score = Dot(u0, step0);

        double logLik = logLik0;
        double[] u = u0, step = step0;
        double[,] info = info0;
        int iterations = 0, flat = 0;
        bool converged = false;
        while (iterations < MaxIterations)
        {
            if (Enumerable.Range(0, p).All(j => Math.Abs(step[j]) <= StepTolerance * (1 + Math.Abs(beta[j])))) { converged = true; break; }
            iterations++;
            var trial = Add(beta, step, 1);
            var (l, uu, ii) = model.Evaluate(trial);
            // Step halving as coxph does when the likelihood falls (allow rounding noise at the optimum).
            for (int h = 0; h < 60 && !(l >= logLik - 1e-15 * Math.Abs(logLik)); h++)
            {
                step = Add(new double[p], step, 0.5);
                trial = Add(beta, step, 1);
                (l, uu, ii) = model.Evaluate(trial);
            }
            double gain = l - logLik;
            beta = trial; logLik = l; u = uu; info = ii;
            flat = gain <= FlatGain * Math.Max(1, Math.Abs(logLik)) ? flat + 1 : 0;
            var next = Solve(info, u);
            // Information vanished numerically: the likelihood is flat; the step just taken tells (below) which
            // coefficients were running off to infinity.
            if (next is null) { converged = true; break; }
            step = next;
            if (flat >= 2) { converged = true; break; }
        }

        // Coefficients still moving by a sizeable Newton step at a flat likelihood run off to infinity.
        var infinite = Enumerable.Range(0, p)
            .Select(j => Math.Abs(step[j]) > InfiniteStepEps && Math.Abs(step[j]) > Math.Sqrt(InfiniteStepEps) * Math.Abs(beta[j]))
            .ToArray();
        var status = !converged ? CoxStatus.NotConverged
            : infinite.Any(b => b) ? CoxStatus.InfiniteCoefficient
            : CoxStatus.Converged;
        if (status == CoxStatus.NotConverged) Array.Fill(infinite, false);

        // Covariance of the finite coefficients: inverse of their information block (the cross-information with an
        // infinite coefficient vanishes in the limit).
        var finite = Enumerable.Range(0, p).Where(j => !infinite[j]).ToArray();
        var cov = new double[p, p];
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) cov[a, b] = double.NaN;
        if (finite.Length > 0)
        {
            var block = new double[finite.Length, finite.Length];
            for (int a = 0; a < finite.Length; a++)
                for (int b = 0; b < finite.Length; b++) block[a, b] = info[finite[a], finite[b]];
            var inv = Inverse(block);
            if (inv is not null)
                for (int a = 0; a < finite.Length; a++)
                    for (int b = 0; b < finite.Length; b++) cov[finite[a], finite[b]] = (inv[a, b] + inv[b, a]) / 2;
        }

        double zq = Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);
        var coefficients = new CoxCoefficient[p];
        for (int j = 0; j < p; j++)
        {
            if (infinite[j])
            {
                double b = beta[j] > 0 ? double.PositiveInfinity : double.NegativeInfinity;
                coefficients[j] = new CoxCoefficient(names[j], b, double.NaN, double.NaN, double.NaN, Math.Exp(b), double.NaN, double.NaN);
                continue;
            }
            double se = Math.Sqrt(cov[j, j]), z = beta[j] / se;
            coefficients[j] = new CoxCoefficient(names[j], beta[j], se, z,
                SpecialFunctions.Erfc(Math.Abs(z) / Constants.Sqrt2),
                Math.Exp(beta[j]), Math.Exp(beta[j] - zq * se), Math.Exp(beta[j] + zq * se));
        }
        double wald = infinite.Any(b => b) ? double.NaN : QuadraticForm(info, beta);
        var covariance = Enumerable.Range(0, p)
            .Select(a => (IReadOnlyList<double>)Enumerable.Range(0, p).Select(b => cov[a, b]).ToArray()).ToArray();
        return new CoxPhFit(coefficients, covariance, logLik0, logLik,
            ChiSquareTest.Of(2 * (logLik - logLik0), p), ChiSquareTest.Of(wald, p), ChiSquareTest.Of(score, p),
            ties, confidenceLevel, n, events, iterations, status);
    }

    /// <summary>
    /// The log partial likelihood with its gradient (score) and negative Hessian (information), for one ties method.
    /// Sums run over each event time's risk set in a fixed order; deviations are taken from the tied events' mean
    /// covariate and the variance is computed in two passes, so that the score and information stay accurate even when
    /// they are tiny (a coefficient heading to infinity).
    /// </summary>
    private sealed class PartialLikelihood
    {
        private readonly double[][] _x;          // covariates, rows in ascending time order
        private readonly (int RiskStart, int[] Deaths)[] _eventTimes;
        private readonly CoxTies _ties;
        private readonly int _p;

        public PartialLikelihood(IReadOnlyList<SurvivalTime> data, double[,] covariates, CoxTies ties)
        {
            _ties = ties;
            _p = covariates.GetLength(1);
            var order = SurvivalInput.OrderByTime(data);
            _x = order.Select(i => Enumerable.Range(0, _p).Select(j => covariates[i, j]).ToArray()).ToArray();
            var times = new List<(int, int[])>();
            int k = 0;
            while (k < order.Length)
            {
                int start = k;
                double t = data[order[k]].Time;
                var deaths = new List<int>();
                for (; k < order.Length && data[order[k]].Time == t; k++)
                    if (data[order[k]].Event) deaths.Add(k);
                if (deaths.Count > 0) times.Add((start, deaths.ToArray()));
            }
            _eventTimes = times.ToArray();
        }

        public (double LogLik, double[] Score, double[,] Information) Evaluate(double[] beta)
        {
            int n = _x.Length, p = _p;
            var eta = _x.Select(row => Dot(row, beta)).ToArray();
            double logLik = 0;
            var score = new double[p];
            var info = new double[p, p];
            var y = new double[n][];
            var r = new double[n];
            var isDeath = new bool[n];
            foreach (var (start, deaths) in _eventTimes)
            {
                int d = deaths.Length;
                // exp(eta - max) over the risk set: the shift cancels inside each log term and prevents overflow.
                double shift = double.NegativeInfinity;
                for (int j = start; j < n; j++) shift = Math.Max(shift, eta[j]);
                var center = new double[p];
                foreach (int i in deaths) for (int c = 0; c < p; c++) center[c] += _x[i][c];
                for (int c = 0; c < p; c++) center[c] /= d;
                double s0 = 0, s0Deaths = 0;
                for (int j = start; j < n; j++)
                {
                    r[j] = Math.Exp(eta[j] - shift);
                    y[j] ??= new double[p];
                    for (int c = 0; c < p; c++) y[j][c] = _x[j][c] - center[c];
                    s0 += r[j];
                }
                foreach (int i in deaths) { isDeath[i] = true; s0Deaths += r[i]; logLik += eta[i] - shift; }

                // Efron: the k-th of d tied deaths sees the risk set with a fraction k/d of the tied deaths removed.
                // Breslow: every tied death sees the full risk set, so the d terms are equal.
                int terms = _ties == CoxTies.Efron ? d : 1;
                double multiplicity = _ties == CoxTies.Efron ? 1 : d;
                for (int k = 0; k < terms; k++)
                {
                    double frac = _ties == CoxTies.Efron ? (double)k / d : 0;
                    double den = s0 - frac * s0Deaths;
                    var mean = new double[p];
                    for (int j = start; j < n; j++)
                    {
                        double w = isDeath[j] ? r[j] * (1 - frac) : r[j];
                        for (int c = 0; c < p; c++) mean[c] += w * y[j][c];
                    }
                    for (int c = 0; c < p; c++) mean[c] /= den;
                    var v = new double[p, p];
                    for (int j = start; j < n; j++)
                    {
                        double w = isDeath[j] ? r[j] * (1 - frac) : r[j];
                        for (int a = 0; a < p; a++)
                        {
                            double da = y[j][a] - mean[a];
                            for (int b = 0; b <= a; b++) v[a, b] += w * da * (y[j][b] - mean[b]);
                        }
                    }
                    logLik -= multiplicity * Math.Log(den);
                    // Score term: (mean covariate of the deaths) - (weighted risk-set mean) = -mean of y.
                    for (int a = 0; a < p; a++)
                    {
                        score[a] -= multiplicity * mean[a];
                        for (int b = 0; b <= a; b++) info[a, b] += multiplicity * v[a, b] / den;
                    }
                }
                foreach (int i in deaths) isDeath[i] = false;
            }
            for (int a = 0; a < p; a++) for (int b = 0; b < a; b++) info[b, a] = info[a, b];
            return (logLik, score, info);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] Add(double[] a, double[] b, double scale)
    {
        var s = new double[a.Length];
        for (int i = 0; i < a.Length; i++) s[i] = a[i] + scale * b[i];
        return s;
    }

    private static double QuadraticForm(double[,] m, double[] v)
    {
        double s = 0;
        for (int a = 0; a < v.Length; a++) for (int b = 0; b < v.Length; b++) s += v[a] * m[a, b] * v[b];
        return s;
    }

    /// <summary>Cholesky factor of a symmetric matrix, or null when it is not (numerically) positive definite.</summary>
    private static double[,]? Cholesky(double[,] m)
    {
        int p = m.GetLength(0);
        var l = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double pivot = m[j, j];
            for (int k = 0; k < j; k++) pivot -= l[j, k] * l[j, k];
            if (!(pivot > PivotTolerance * m[j, j]) || !double.IsFinite(pivot)) return null;
            l[j, j] = Math.Sqrt(pivot);
            for (int i = j + 1; i < p; i++)
            {
                double s = m[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        return l;
    }

    private static double[] SolveWith(double[,] l, double[] b)
    {
        int p = b.Length;
        var z = new double[p];
        for (int i = 0; i < p; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i, k] * z[k];
            z[i] = s / l[i, i];
        }
        var x = new double[p];
        for (int i = p - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int k = i + 1; k < p; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }

    private static double[]? Solve(double[,] m, double[] b) => Cholesky(m) is { } l ? SolveWith(l, b) : null;

    private static double[,]? Inverse(double[,] m)
    {
        if (Cholesky(m) is not { } l) return null;
        int p = m.GetLength(0);
        var inv = new double[p, p];
        for (int c = 0; c < p; c++)
        {
            var e = new double[p];
            e[c] = 1;
            var col = SolveWith(l, e);
            for (int r = 0; r < p; r++) inv[r, c] = col[r];
        }
        return inv;
    }
}
