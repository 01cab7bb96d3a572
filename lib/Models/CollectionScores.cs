using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Models;

/// <summary>One organoid collection's ssGSEA scores (stage 04): what its arms' models are trained on.</summary>
/// <param name="Collection">The collection (data/study.json).</param>
/// <param name="Scoring">Its ssGSEA under both gene-set conventions (<see cref="OrganoidScoring.Score"/>).</param>
public sealed record CollectionScores(OrganoidCollection Collection, OrganoidScoring Scoring)
{
    /// <summary>The NES of the run's convention (<see cref="OrganoidScoring.Nes"/>).</summary>
    public PathwayScores Nes => Scoring.Nes;

    /// <summary>
    /// The stage-04 file of a collection's NES: organoid_nes.tsv for the collection the stage scores first (the
    /// study's <see cref="StudyQueries.TrainingCollection"/>), organoid_nes_{id}.tsv for the others.
    /// </summary>
    /// <param name="study">The study the run used.</param>
    /// <param name="collection">A collection id.</param>
    public static string StageFile(StudyDefinition study, string collection) =>
        collection == study.TrainingCollection().Id ? "organoid_nes.tsv" : $"organoid_nes_{collection}.tsv";

    /// <summary>
    /// Every collection some arm trains on, scored: <paramref name="first"/> (already scored, with its parity checks)
    /// first, then the others in the study's first-use order (arms, then their training sets), each read with
    /// <see cref="StudyInputs.OrganoidExpression"/> and scored exactly as the first (same gene sets, same convention).
    /// A run without the bladder organoids has one collection.
    /// </summary>
    /// <param name="study">The study the run uses.</param>
    /// <param name="first">The first collection and its scoring.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="sets">The GMT read with every gene.</param>
    /// <param name="standardReading">The GMT read with the standard layout.</param>
    /// <param name="log">Receives the readers' and the run convention's counts.</param>
    public static IReadOnlyList<CollectionScores> All(StudyDefinition study, CollectionScores first, Func<string, string> pathOf, IReadOnlyList<GeneSet> sets,
        IReadOnlyList<GeneSet> standardReading, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(first);
        var result = new List<CollectionScores> { first };
        foreach (var id in study.Arms.SelectMany(a => a.Training).Select(t => t.Organoids).Distinct(StringComparer.Ordinal).Where(id => id != first.Collection.Id))
        {
            var collection = study.OrganoidCollection(id);
            var expression = StudyInputs.OrganoidExpression(collection, pathOf, log);
            result.Add(new CollectionScores(collection, OrganoidScoring.Score(expression, sets, standardReading, first.Scoring.Convention, log)));
        }
        return result;
    }
}
