namespace OrganoidBiomarkers.Patients;

/// <summary>How tied event times enter the Cox partial likelihood (R <c>coxph(ties = ...)</c>).</summary>
public enum CoxTies
{
    /// <summary>Efron's (1977) approximation: R coxph's default (lifelines uses it too).</summary>
    Efron,
    /// <summary>Breslow's (1974) approximation: every tied death sees the full risk set.</summary>
    Breslow,
}

/// <summary>How the Newton-Raphson maximisation ended.</summary>
public enum CoxStatus
{
    /// <summary>The maximum was reached; every statistic is defined.</summary>
    Converged,
    /// <summary>
    /// Monotone likelihood: at least one coefficient goes to +-infinity (e.g. a group without events). Those
    /// coefficients are reported as +-Infinity with NaN standard error, z, p and limits, and the Wald test is NaN;
    /// the score and likelihood-ratio tests stay valid (log-likelihood at its supremum). R instead warns and reports
    /// a large finite coefficient with a huge standard error.
    /// </summary>
    InfiniteCoefficient,
    /// <summary>The iteration limit was hit before convergence: treat the estimates as unreliable.</summary>
    NotConverged,
    /// <summary>
    /// The data carry no information on the coefficient: the partial likelihood is flat (with two groups, every death
    /// happens while only one group is at risk). Estimate, standard error, hazard ratio, interval and Wald test are NaN;
    /// R's coxph reports coef NA (<see cref="CoxPh.FitGroups"/>).
    /// </summary>
    NotEstimable,
}

/// <summary>One coefficient of a Cox model, as a row of R <c>summary(coxph(...))</c>.</summary>
/// <param name="Name">Covariate name.</param>
/// <param name="Estimate">log hazard ratio (R <c>coef</c>).</param>
/// <param name="StdErr">sqrt of the diagonal of the inverse information (R <c>se(coef)</c>).</param>
/// <param name="Z">Wald z = Estimate / StdErr.</param>
/// <param name="PValue">Two-sided normal p-value of <paramref name="Z"/>.</param>
/// <param name="HazardRatio">exp(Estimate).</param>
/// <param name="Lower">exp(Estimate - z_(1+level)/2 x StdErr): Wald lower limit of the hazard ratio.</param>
/// <param name="Upper">exp(Estimate + z_(1+level)/2 x StdErr).</param>
public sealed record CoxCoefficient(
    string Name, double Estimate, double StdErr, double Z, double PValue, double HazardRatio, double Lower, double Upper);

/// <summary>A fitted Cox proportional-hazards model (<see cref="CoxPh.Fit"/>).</summary>
/// <param name="Coefficients">One row per covariate, in input order.</param>
/// <param name="Covariance">Inverse information at the estimate (R <c>vcov(fit)</c>), covariates x covariates.</param>
/// <param name="LogLikelihoodNull">Log partial likelihood at beta = 0 (R <c>fit$loglik[1]</c>).</param>
/// <param name="LogLikelihood">Log partial likelihood at the estimate (R <c>fit$loglik[2]</c>).</param>
/// <param name="LikelihoodRatio">2 (LogLikelihood - LogLikelihoodNull), df = covariates (R <c>summary(fit)$logtest</c>).</param>
/// <param name="Wald">beta' I(beta) beta (R <c>fit$wald.test</c>; summary prints it rounded to 2 decimals).</param>
/// <param name="Score">Score (log-rank-type) test at beta = 0 with the same ties method (R <c>fit$score</c>).</param>
/// <param name="Ties">Ties method used.</param>
/// <param name="ConfidenceLevel">Level of the hazard-ratio intervals.</param>
/// <param name="Subjects">Number of subjects.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Iterations">Newton-Raphson iterations taken.</param>
/// <param name="Status">How the maximisation ended.</param>
public sealed record CoxPhFit(
    IReadOnlyList<CoxCoefficient> Coefficients,
    IReadOnlyList<IReadOnlyList<double>> Covariance,
    double LogLikelihoodNull,
    double LogLikelihood,
    ChiSquareTest LikelihoodRatio,
    ChiSquareTest Wald,
    ChiSquareTest Score,
    CoxTies Ties,
    double ConfidenceLevel,
    int Subjects,
    int Events,
    int Iterations,
    CoxStatus Status);
