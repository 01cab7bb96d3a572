using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>Our median-over-replicates rule against the authors' own medians for one drug.</summary>
/// <param name="Drug">Screen drug name.</param>
/// <param name="Organoids">Organoids with our median.</param>
/// <param name="Compared">Of those, organoids the authors' file also lists for the drug.</param>
/// <param name="MaxAbsoluteDifference">Largest |ours − authors'| median ln IC50 over the compared organoids (NaN when none).</param>
public sealed record MedianResponseAgreement(string Drug, int Organoids, int Compared, double MaxAbsoluteDifference);

/// <summary>Checks stage 01's median ln IC50 (van de Wetering 2015 Table S2b, median over replicates) against the authors' median_response.txt.</summary>
public static class MedianResponseCheck
{
    /// <summary>One row per drug of <paramref name="ours"/>, in first-appearance order.</summary>
    /// <param name="ours">Stage 01's responses.</param>
    /// <param name="authors">The authors' medians (<see cref="DrugScreen.ReadAuthorsMedians"/>).</param>
    public static IReadOnlyList<MedianResponseAgreement> Compare(IReadOnlyList<OrganoidResponseSummary> ours, IReadOnlyList<OrganoidResponse> authors) =>
        ours.Select(r => r.Drug).Distinct(StringComparer.Ordinal).Select(drug =>
        {
            var theirs = authors.Where(a => a.DrugName == drug).GroupBy(a => a.Organoid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().MedianLnIc50, StringComparer.Ordinal);
            var mine = ours.Where(r => r.Drug == drug).ToList();
            var diffs = mine.Where(r => theirs.ContainsKey(r.Organoid)).Select(r => Math.Abs(r.MedianLnIc50 - theirs[r.Organoid])).ToList();
            return new MedianResponseAgreement(drug, mine.Count, diffs.Count, diffs.Count == 0 ? double.NaN : diffs.Max());
        }).ToList();

    /// <summary>
    /// The check for every collection read in stage 01 that names the authors' medians
    /// (<see cref="OrganoidCollection.ReferenceMedians"/>); collections without them are skipped.
    /// </summary>
    /// <param name="organoids">Stage 01's organoid cohorts (their collections and responses).</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    public static IReadOnlyList<MedianResponseAgreement> ForCollections(OrganoidCohorts organoids, Func<string, string> pathOf) =>
        organoids.Collections.Where(c => c.Collection.ReferenceMedians is not null).SelectMany(c =>
        {
            var screened = c.Screen.Drugs.ToHashSet(StringComparer.Ordinal);
            return Compare(organoids.Responses.Where(r => screened.Contains(r.Drug)).ToList(), DrugScreen.ReadAuthorsMedians(pathOf(c.Collection.ReferenceMedians!)));
        }).ToList();

    /// <summary>For display: drug, organoids, compared, max |ours − authors'| (3 significant digits).</summary>
    /// <param name="rows">One agreement per drug.</param>
    public static TsvTable Table(IReadOnlyList<MedianResponseAgreement> rows) => TsvTable.From(rows,
        ("drug", r => r.Drug), ("organoids screened", r => r.Organoids), ("in the authors' file", r => r.Compared),
        ("max |ours - authors'| median ln IC50", r => r.MaxAbsoluteDifference.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)));
}
