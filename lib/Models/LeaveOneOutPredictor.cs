using System.Runtime.CompilerServices;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// Leave-one-out predictions of one model on a fixed x for any response vector y: the folds (training rows, the scaler
/// fitted on them, the scaled training and held-out rows) depend on x only and are built once. A permutation null
/// reruns the whole leave-one-out on many shuffles of y over the same x, so everything that does not depend on y is
/// done once here.
/// <para>
/// Ridge and least squares are linear in y for a fixed x (the centred solution and the intercept mean(y) - mean(x).w
/// are both linear in y), so each held-out prediction is a fixed weighted sum of y. Ridge's weights come from
/// <see cref="Ridge.PredictionOperator"/> (the same centring and primal or kernel form as its fit); least squares'
/// from fitting the model itself on each unit response e_k (prediction for y = sum_k y_k e_k), which keeps its SVD and
/// rank cut-off. RidgeCV is linear in y once its alpha is chosen: the inner-fold predictions of every alpha and the
/// refitted held-out predictions are precomputed, and only the R^2 comparison that picks alpha runs per y. Other
/// models (SVR: its dual solution is not linear in y) are refitted for every y.
/// </para>
/// Equal to refitting up to rounding (~1e-15 relative; asserted against refitting in the tests).
/// </summary>
internal abstract class LeaveOneOutPredictor
{
    protected LeaveOneOutPredictor(IReadOnlyList<LeaveOneOutFold> folds) => Folds = folds;

    /// <summary>Fold i holds out sample i.</summary>
    public IReadOnlyList<LeaveOneOutFold> Folds { get; }

    public int SampleCount => Folds.Count;

    /// <summary>The held-out prediction of every sample for response <paramref name="y"/>.</summary>
    public abstract double[] Predict(double[] y);

    /// <summary>The fastest exact predictor for <paramref name="model"/>: precomputed rows for ridge, RidgeCV and least squares, refitting otherwise.</summary>
    public static LeaveOneOutPredictor For(ILearner model, double[,] x, FeatureScaling scaling)
    {
        var folds = LeaveOneOutFold.Build(x, scaling);
        return model switch
        {
            RidgeCv cv => new RidgeCvPredictor(cv, folds),
            Ridge ridge => new LinearPredictor(folds, f => Ridge.PredictionOperator(f.XTrain, f.XTest, ValidAlpha(ridge.Alpha, "ridge"))),
            LeastSquares ols => new LinearPredictor(folds, f => UnitResponseOperator(ols, f.XTrain, f.XTest)),
            _ => new RefitPredictor(model, folds),
        };
    }

    /// <summary>Refits the model on every fold (the definition of leave-one-out).</summary>
    public static LeaveOneOutPredictor Refitting(ILearner model, double[,] x, FeatureScaling scaling) =>
        new RefitPredictor(model, LeaveOneOutFold.Build(x, scaling));

    /// <summary>
    /// The matrix M (test rows x training rows) with predictions = M y, from the model fitted on each unit response
    /// e_k (valid for a model whose fit is linear in y).
    /// </summary>
    internal static double[,] UnitResponseOperator(IRegressor model, double[,] train, double[,] test)
    {
        int n = train.GetLength(0), m = test.GetLength(0);
        var rows = new double[m, n];
        var unit = new double[n];
        for (int k = 0; k < n; k++)
        {
            unit[k] = 1;
            var predicted = model.Fit(train, unit).Predict(test);
            for (int t = 0; t < m; t++) rows[t, k] = predicted[t];
            unit[k] = 0;
        }
        return rows;
    }

    private static double ValidAlpha(double alpha, string model) =>
        alpha > 0 && double.IsFinite(alpha) ? alpha : throw new ArgumentException($"{model}: alpha must be a positive finite number, got {alpha}");

    private sealed class RefitPredictor(ILearner model, IReadOnlyList<LeaveOneOutFold> folds) : LeaveOneOutPredictor(folds)
    {
        public override double[] Predict(double[] y)
        {
            var predicted = new double[SampleCount];
            for (int i = 0; i < SampleCount; i++)
                predicted[i] = model.Fit(Folds[i].XTrain, ModelInput.Rows(y, Folds[i].Train)).Predict(Folds[i].XTest)[0];
            return predicted;
        }
    }

    /// <summary>Held-out prediction i = weights[i] . y[train of fold i].</summary>
    private sealed class LinearPredictor : LeaveOneOutPredictor
    {
        private readonly WeightedSum[] _rows;

        public LinearPredictor(IReadOnlyList<LeaveOneOutFold> folds, Func<LeaveOneOutFold, double[,]> operatorOf) : base(folds) =>
            _rows = folds.Select(f => WeightedSum.Row(operatorOf(f), 0, f.Train)).ToArray();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override double[] Predict(double[] y)
        {
            var predicted = new double[SampleCount];
            for (int i = 0; i < SampleCount; i++) predicted[i] = _rows[i].Of(y);
            return predicted;
        }
    }

    /// <summary>
    /// RidgeCV inside leave-one-out: for held-out sample i, its training rows are split by KFold (unshuffled, in row
    /// order) exactly as <see cref="RidgeCv"/> splits them; for each alpha the inner test-fold predictions and the
    /// refitted held-out prediction are fixed weighted sums of y, so per y only the R^2 per fold, their (weighted) mean,
    /// the first-best alpha and one weighted sum remain.
    /// </summary>
    private sealed class RidgeCvPredictor : LeaveOneOutPredictor
    {
        private readonly RidgeCv _cv;
        // [sample i][inner fold f]: the inner test samples, as indices into the full y
        private readonly int[][][] _innerTest;
        // [sample i][alpha a][inner fold f][test t]: inner test prediction as a weighted sum of y
        private readonly WeightedSum[][][][] _innerRows;
        // [sample i][alpha a]: held-out prediction after refitting with alpha a
        private readonly WeightedSum[][] _refitRows;

        public RidgeCvPredictor(RidgeCv cv, IReadOnlyList<LeaveOneOutFold> folds) : base(folds)
        {
            // The checks RidgeCv.Fit makes, here before anything is precomputed.
            if (cv.Alphas.Count == 0) throw new ArgumentException("ridgecv: no alphas to choose from");
            foreach (var a in cv.Alphas) ValidAlpha(a, "ridgecv");
            if (cv.Folds < 2) throw new ArgumentException($"ridgecv: needs at least 2 folds, got {cv.Folds}");
            if (!Enum.IsDefined(cv.Averaging)) throw new ArgumentOutOfRangeException(nameof(cv), cv.Averaging, "unknown fold averaging");
            int trainSize = folds.Count - 1;
            if (trainSize < 2 * cv.Folds) throw new ArgumentException($"ridgecv: needs at least {2 * cv.Folds} samples, got {trainSize}");

            _cv = cv;
            var inner = KFold.Splits(trainSize, cv.Folds);
            _innerTest = new int[folds.Count][][];
            _innerRows = new WeightedSum[folds.Count][][][];
            _refitRows = new WeightedSum[folds.Count][];
            for (int i = 0; i < folds.Count; i++)
            {
                var f = folds[i];
                // Inner-fold positions are positions within this fold's training rows; map them to samples of y.
                int[] Samples(IReadOnlyList<int> positions) => positions.Select(k => f.Train[k]).ToArray();
                _innerTest[i] = inner.Select(s => Samples(s.Test)).ToArray();
                var innerX = inner.Select(s => (Train: ModelInput.Rows(f.XTrain, s.Train), Test: ModelInput.Rows(f.XTrain, s.Test), TrainSamples: Samples(s.Train))).ToArray();
                _innerRows[i] = new WeightedSum[cv.Alphas.Count][][];
                _refitRows[i] = new WeightedSum[cv.Alphas.Count];
                for (int a = 0; a < cv.Alphas.Count; a++)
                {
                    _innerRows[i][a] = innerX.Select(s =>
                    {
                        var op = Ridge.PredictionOperator(s.Train, s.Test, cv.Alphas[a]);
                        return Enumerable.Range(0, op.GetLength(0)).Select(t => WeightedSum.Row(op, t, s.TrainSamples)).ToArray();
                    }).ToArray();
                    _refitRows[i][a] = WeightedSum.Row(Ridge.PredictionOperator(f.XTrain, f.XTest, cv.Alphas[a]), 0, f.Train);
                }
            }
        }

        // Hot loops called thousands of times per permutation test: compiled optimised at once rather than waiting for
        // tiered compilation, which in a busy notebook kernel can take seconds to promote them.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override double[] Predict(double[] y)
        {
            var predicted = new double[SampleCount];
            int maxTest = _innerTest.Max(t => t.Max(f => f.Length));
            var observed = new double[maxTest];
            var fitted = new double[maxTest];
            for (int i = 0; i < SampleCount; i++)
            {
                int best = 0;
                double bestMean = double.NegativeInfinity;
                for (int a = 0; a < _cv.Alphas.Count; a++)
                {
                    double weighted = 0, weightSum = 0, plain = 0;
                    for (int f = 0; f < _innerTest[i].Length; f++)
                    {
                        var test = _innerTest[i][f];
                        for (int t = 0; t < test.Length; t++)
                        {
                            observed[t] = y[test[t]];
                            fitted[t] = _innerRows[i][a][f][t].Of(y);
                        }
                        double r2 = RSquared(observed, fitted, test.Length);
                        weighted += r2 * test.Length;
                        weightSum += test.Length;
                        plain += r2;
                    }
                    double mean = _cv.Averaging == FoldAveraging.WeightedByTestSize ? weighted / weightSum : plain / _innerTest[i].Length;
                    if (a == 0 || mean > bestMean) { best = a; bestMean = mean; } // strict: ties go to the first alpha, as RidgeCv
                }
                predicted[i] = _refitRows[i][best].Of(y);
            }
            return predicted;
        }
    }

    /// <summary>
    /// <see cref="Scores.RSquared"/> on the first <paramref name="count"/> entries of two buffers, with the same sums in
    /// the same order (so the same bits), without the interface calls and copies of the general version.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double RSquared(double[] observed, double[] predicted, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += observed[i];
        double mean = sum / count;
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < count; i++)
        {
            ssRes += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        if (ssTot == 0) return ssRes == 0 ? 1.0 : 0.0;
        return 1 - ssRes / ssTot;
    }

    /// <summary>A prediction as sum_k Weights[k] * y[Samples[k]], summed in k order.</summary>
    private sealed record WeightedSum(double[] Weights, int[] Samples)
    {
        public static WeightedSum Row(double[,] op, int row, IReadOnlyList<int> samples)
        {
            if (op.GetLength(1) != samples.Count) throw new InvalidOperationException($"operator has {op.GetLength(1)} columns for {samples.Count} samples");
            return new WeightedSum(Enumerable.Range(0, samples.Count).Select(k => op[row, k]).ToArray(), samples.ToArray());
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Of(double[] y)
        {
            double s = 0;
            for (int k = 0; k < Weights.Length; k++) s += Weights[k] * y[Samples[k]];
            return s;
        }
    }
}

/// <summary>One leave-one-out fold: the training rows, and the training and held-out features after scaling (fitted on the training rows only).</summary>
internal sealed record LeaveOneOutFold(int HeldOut, IReadOnlyList<int> Train, double[,] XTrain, double[,] XTest)
{
    public static IReadOnlyList<LeaveOneOutFold> Build(double[,] x, FeatureScaling scaling)
    {
        if (!Enum.IsDefined(scaling)) throw new ArgumentOutOfRangeException(nameof(scaling));
        int n = x.GetLength(0);
        var folds = new LeaveOneOutFold[n];
        for (int i = 0; i < n; i++)
        {
            var train = Enumerable.Range(0, n).Where(k => k != i).ToArray();
            var xTrain = ModelInput.Rows(x, train);
            var xTest = ModelInput.Rows(x, new[] { i });
            if (scaling == FeatureScaling.StandardizeOnTrainingFold)
            {
                var scaler = Standardizer.Fit(xTrain);
                xTrain = scaler.Transform(xTrain);
                xTest = scaler.Transform(xTest);
            }
            folds[i] = new LeaveOneOutFold(i, Array.AsReadOnly(train), xTrain, xTest);
        }
        return folds;
    }
}
