using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>A TCGA expression source of the study, read and reduced to one primary-tumour profile per patient.</summary>
/// <param name="Definition">The source as data/study.json defines it.</param>
/// <param name="Expression">Genes x patients (12-character barcodes), with the sample chosen for each patient.</param>
public sealed record PreparedSource(ExpressionSourceDefinition Definition, PatientExpression Expression)
{
    /// <summary>The source's id, as results name it (expression_source).</summary>
    public string Id => Definition.Id;
}

/// <summary>One expression source's patient pathway scores and how many pathways it could score.</summary>
/// <param name="Source">The source's id.</param>
/// <param name="Mode">The gene-set convention the sets were prepared under.</param>
/// <param name="Nes">ssGSEA NES, pathways x every patient of the source.</param>
/// <param name="Scored">Pathways scored (sets with 2 to 2,000 measured genes).</param>
/// <param name="Total">Pathways in the gene-set file.</param>
/// <param name="MedianMeasuredGenes">Median number of measured genes per scored pathway.</param>
public sealed record SourcePathwayScores(string Source, string Mode, PathwayScores Nes, int Scored, int Total, double MedianMeasuredGenes);

/// <summary>
/// The patient side of stage 05's inputs: every expression source some arm scores, read by its layout
/// (<see cref="ExpressionTableLayout"/> preset named in the study), gene IDs mapped to symbols where the study says so,
/// and reduced to one primary tumour per patient (<see cref="PatientSamples.OnePerPatient"/>); then scored with ssGSEA.
/// </summary>
public static class PatientExpressionSources
{
    /// <summary>
    /// The manifest input whose Hugo/Entrez pairs map <see cref="GeneIdentifiers.EntrezFromRnaseqDb"/> sources to
    /// symbols (the RNAseqDB READ matrix, which lists both IDs for every gene).
    /// </summary>
    public const string EntrezMapInput = "rnaseqdb_read_fpkm";

    /// <summary>The expression sources some arm of <paramref name="study"/> scores, in the study's source order.</summary>
    /// <param name="study">The (usable) study.</param>
    public static IReadOnlyList<ExpressionSourceDefinition> UsedBy(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.ExpressionSources.Where(s => study.Arms.Any(a => a.Expression.Contains(s.Id, StringComparer.Ordinal))).ToList();
    }

    /// <summary>
    /// Reads every source of <see cref="UsedBy"/> from <paramref name="data"/>: the file under its layout, Entrez IDs
    /// mapped to symbols (unmapped dropped, symbols from two IDs averaged: <see cref="DuplicatePolicy.Mean"/>), then one
    /// primary tumour per patient under the source's barcode rule. Every step is counted in <paramref name="log"/>.
    /// </summary>
    /// <param name="study">The (usable) study.</param>
    /// <param name="data">Resolves the sources' manifest inputs.</param>
    /// <param name="log">Receives every step's count.</param>
    public static IReadOnlyList<PreparedSource> Prepare(StudyDefinition study, DataStore data, CountLog log) => Prepare(UsedBy(study), data, log);

    /// <summary>Reads and prepares the given sources, in the given order, exactly as <see cref="Prepare(StudyDefinition, DataStore, CountLog)"/> does.</summary>
    /// <param name="sources">The expression sources.</param>
    /// <param name="data">Resolves their manifest inputs.</param>
    /// <param name="log">Receives every step's count.</param>
    public static IReadOnlyList<PreparedSource> Prepare(IReadOnlyList<ExpressionSourceDefinition> sources, DataStore data, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(log);
        // Read first, as one step, when any source needs it (the count log then lists it before the sources).
        var entrez = sources.Any(s => s.GeneIds == GeneIdentifiers.EntrezFromRnaseqDb) ? GeneIdMaps.ReadEntrezFromRnaseqDb(data.PathOf(EntrezMapInput), log) : null;
        return sources.Select(s =>
        {
            var matrix = ExpressionTables.Read(data.PathOf(s.Input), StudyInputs.ExpressionLayout(s.Layout), log);
            if (s.GeneIds == GeneIdentifiers.EntrezFromRnaseqDb) matrix = GeneIdMapping.ToSymbols(matrix, entrez!, DuplicatePolicy.Mean, s.Id, log);
            return new PreparedSource(s, PatientSamples.OnePerPatient(matrix, s.Barcodes, s.Id, log));
        }).ToList();
    }

    /// <summary>
    /// ssGSEA of every patient of each source, as stage 04 scored the organoids: gseapy 0.9 settings
    /// (<see cref="SsgseaOptions.Gseapy09"/>: weight 0.25, sets with 2 to 2,000 measured genes), the gene sets prepared
    /// under <paramref name="mode"/> on the source's own measured genes (<see cref="SsgseaGeneSets.Prepare"/>).
    /// </summary>
    /// <param name="sources">Prepared sources.</param>
    /// <param name="geneSets">The Reactome sets as read with <see cref="GmtLayout.NoDescription"/>.</param>
    /// <param name="mode">"authors" or "corrected" (<see cref="SsgseaGeneSets.ParseConvention"/>).</param>
    public static IReadOnlyList<SourcePathwayScores> Score(IReadOnlyList<PreparedSource> sources, IReadOnlyList<GeneSet> geneSets, string mode)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(geneSets);
        var convention = SsgseaGeneSets.ParseConvention(mode);
        return sources.Select(s =>
        {
            var sets = SsgseaGeneSets.Prepare(geneSets, s.Expression.Matrix, convention, CountLog.Silent);
            var result = Ssgsea.Score(s.Expression.Matrix, sets, SsgseaOptions.Gseapy09, CountLog.Silent);
            var measured = result.Sets.Where(o => o.Kept).Select(o => (double)o.MeasuredGenes).ToList();
            return new SourcePathwayScores(s.Id, mode, new PathwayScores(result.SetNames, result.Samples, result.NormalizedScores),
                result.SetNames.Count, geneSets.Count, measured.Count == 0 ? double.NaN : Statistics.Median(measured));
        }).ToList();
    }
}
