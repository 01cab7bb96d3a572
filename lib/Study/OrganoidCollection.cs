namespace OrganoidBiomarkers.Study;

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
public sealed record OrganoidCollection(string Id, string Tissue, string Expression, string ExpressionLayout, string Screen, string ScreenFormat, string Description,
    string? ReferenceMedians = null);
