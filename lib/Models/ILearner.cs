namespace OrganoidBiomarkers.Models;

/// <summary>
/// The general learner contract: anything fitted on (x, y) that then predicts. <see cref="IRegressor"/> (ridge,
/// RidgeCV, linear SVR, least squares: linear models with coefficients) is the special case; the ML.NET learners
/// (<see cref="FastTreeLearner"/>, <see cref="LightGbmLearner"/>, <see cref="SdcaLearner"/>) implement this contract only,
/// because a tree ensemble has no coefficients. <see cref="CrossValidation.LeaveOneOut"/> and
/// <see cref="CrossValidation.PermutationTest"/> take any learner, so every model is evaluated the same way.
/// </summary>
public interface ILearner
{
    /// <summary>Short lower-case name used by <see cref="Learners.ByName"/> (e.g. "ridgecv", "fasttree").</summary>
    string Name { get; }

    /// <summary>
    /// Fits the learner to <paramref name="x"/> (samples x features) and <paramref name="y"/> (one value per sample).
    /// Throws <see cref="ArgumentException"/> on NaN/Inf, mismatched shapes or too few samples.
    /// </summary>
    ITrainedModel Fit(double[,] x, double[] y);
}

/// <summary>A fitted learner: predicts one value per row of a samples x features matrix.</summary>
public interface ITrainedModel
{
    /// <summary>The learner's name (<see cref="ILearner.Name"/>).</summary>
    string ModelName { get; }

    /// <summary>Number of features the model was fitted on.</summary>
    int FeatureCount { get; }

    /// <summary>Predictions for each row of <paramref name="x"/> (samples x <see cref="FeatureCount"/>).</summary>
    double[] Predict(double[,] x);
}

/// <summary>
/// A learner whose fit waits on thread-pool tasks (ML.NET's FastTree, even with one thread, runs each step of its split
/// search as <c>Task.Run(step).Wait()</c>). Many such fits at once on pool threads (a <c>Parallel.For</c> over
/// permutations) starve the pool: measured about 15 times slower per fit on the 2-core machine, for the same result.
/// <see cref="CrossValidation.PermutationTest"/> therefore runs such a learner's refits on threads of its own, each fit
/// hopping onto one pool thread where its steps run inline (<see cref="FastTreeLearner"/>).
/// </summary>
public interface IPoolWaitingLearner : ILearner;

