namespace OrganoidBiomarkers.Study;

/// <summary>Which per-organoid response a collection's models are trained on.</summary>
public enum TrainingResponse
{
    /// <summary>The median over replicates of ln IC50 (µM): the paper's response for the CRC organoids (Table S2b).</summary>
    LnIc50,
    /// <summary>
    /// The area under the dose-response curve (lower = more sensitive, as ln IC50): for response tables that give one
    /// value per line and drug without a usable IC50 (Lee 2018 as fetched: Table S3's AUC, or CoderData's refit AUC).
    /// </summary>
    Auc,
}

/// <summary>A set of organoids with an expression profile and a drug screen (one tissue, one publication).</summary>
/// <param name="Id">Short id, e.g. "crc"; organoid cohorts are named "{Id}_organoids_{arm}".</param>
/// <param name="Tissue">E.g. "colorectal", "bladder".</param>
/// <param name="Expression">Manifest id of the expression table.</param>
/// <param name="ExpressionLayout">Name of an <see cref="Data.ExpressionTableLayout"/> preset, e.g. "OrganoidGeo".</param>
/// <param name="Screen">Manifest id of the drug screen.</param>
/// <param name="ScreenFormat">How the screen is read, e.g. "VanDeWetering".</param>
/// <param name="Description">In words, for tables.</param>
/// <param name="ReferenceMedians">Manifest id of the authors' own median response per organoid and drug (their
/// median_response.txt), which stage 01 checks its median rule against; null when there is none.</param>
/// <param name="TrainingResponse">The response models trained on this collection regress on (default: median ln IC50).</param>
public sealed record OrganoidCollection(string Id, string Tissue, string Expression, string ExpressionLayout, string Screen, string ScreenFormat, string Description,
    string? ReferenceMedians = null, TrainingResponse TrainingResponse = TrainingResponse.LnIc50)
{
    /// <summary>The organoid's training response under <see cref="TrainingResponse"/> (NaN when the screen does not give it).</summary>
    /// <param name="response">One organoid x drug summary of this collection's screen.</param>
    public double ResponseOf(OrganoidResponseSummary response) => TrainingResponse == TrainingResponse.Auc ? response.MedianAuc : response.MedianLnIc50;
}
