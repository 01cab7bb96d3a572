namespace OrganoidBiomarkers.Models;

/// <summary>
/// The one regressor contract shared by ridge, cross-validated ridge, linear SVR and least squares (scikit-learn's
/// estimator convention): the constructor stores hyper-parameters, <see cref="Fit"/> validates the data and returns an
/// immutable <see cref="FittedModel"/>. A notebook swaps models by <see cref="ILearner.Name"/> through <see cref="Regressors.ByName"/>.
/// </summary>
public interface IRegressor : ILearner
{
    /// <summary>
    /// Fits the model to <paramref name="x"/> (samples x features) and <paramref name="y"/> (one value per sample).
    /// Throws <see cref="ArgumentException"/> on NaN/Inf, mismatched shapes or too few samples.
    /// </summary>
    new FittedModel Fit(double[,] x, double[] y);

    /// <summary>As a general learner (<see cref="ILearner"/>): the same fit.</summary>
    ITrainedModel ILearner.Fit(double[,] x, double[] y) => Fit(x, y);
}
