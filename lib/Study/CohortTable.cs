using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>How many members of one patient cohort have a sample in one expression source.</summary>
/// <param name="Cohort">Cohort id.</param>
/// <param name="Source">Expression source id.</param>
/// <param name="Patients">Members with at least one sample of the source (by 12-character patient barcode); 0 ≤ Patients ≤ n.</param>
public sealed record ExpressionCoverage(string Cohort, string Source, int Patients)
{
    /// <summary>
    /// Coverage of every cohort by every source: each source is read once, its sample barcodes reduced to patients
    /// (<see cref="Cohorts.Coverage"/>).
    /// </summary>
    /// <param name="cohorts">Patient cohorts.</param>
    /// <param name="sources">Expression sources, e.g. <see cref="StudyDefinition.ExpressionSources"/>.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <returns>One row per cohort x source, cohorts outermost.</returns>
    public static IReadOnlyList<ExpressionCoverage> Of(IReadOnlyList<Cohort> cohorts, IReadOnlyList<ExpressionSourceDefinition> sources, Func<string, string> pathOf)
    {
        var samples = sources.Select(s => StudyInputs.ExpressionSamples(s, pathOf)).ToList();
        return cohorts.SelectMany(c => sources.Select((s, i) => new ExpressionCoverage(c.Name, s.Id, Cohorts.Coverage(c.Ids, samples[i])))).ToList();
    }
}

/// <summary>
/// The schema of cohorts.tsv (output/results/ and output/stages/01/): cohort, definition, n, paper_n, events,
/// survival_source, expr_{source} for every expression source of the study (patients with a sample there; blank for
/// organoid cohorts), and expr_gdc_fpkm_uq ("listed, not available" for cohorts filtered by the GDC FPKM-UQ file list:
/// the paper scored those files, which GDC has retired).
/// </summary>
public static class CohortTable
{
    /// <summary>The value of expr_gdc_fpkm_uq for a cohort built with the GDC expression-file filter.</summary>
    public const string ListedNotAvailable = "listed, not available";

    /// <summary>One row per cohort of <paramref name="cohorts"/> (<see cref="StudyCohorts.All"/> order).</summary>
    /// <param name="study">The study (expression sources give the expr_ columns; cohort definitions the GDC column).</param>
    /// <param name="cohorts">The built cohorts.</param>
    /// <param name="coverage">Coverage of the patient cohorts (<see cref="ExpressionCoverage.Of"/>).</param>
    public static TsvTable Of(StudyDefinition study, StudyCohorts cohorts, IReadOnlyList<ExpressionCoverage> coverage)
    {
        var covered = coverage.ToDictionary(c => (c.Cohort, c.Source), c => c.Patients);
        var patientIds = cohorts.Patients.Cohorts.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = new[] { "cohort", "definition", "n", "paper_n", "events", "survival_source" }
            .Concat(study.ExpressionSources.Select(s => "expr_" + s.Id)).Append("expr_gdc_fpkm_uq").ToArray();
        var rows = cohorts.All.Select(c => (IReadOnlyList<string>)new[] { c.Name, c.Definition, TsvTable.Cell(c.Count), TsvTable.Cell(c.PaperCount), TsvTable.Cell(c.Events), c.SurvivalSource ?? "" }
            .Concat(study.ExpressionSources.Select(s => patientIds.Contains(c.Name) ? TsvTable.Cell(covered[(c.Name, s.Id)]) : ""))
            .Append(study.Cohort(c.Name)?.ExpressionFiles is null ? "" : ListedNotAvailable)
            .ToArray()).ToArray();
        return new TsvTable(columns, rows);
    }
}
