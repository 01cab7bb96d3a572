using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>Our NES against the authors' gseapy NES: sets in common, sets on one side only, and the largest absolute difference.</summary>
/// <param name="Scores">What was compared, in words.</param>
/// <param name="Common">Sets scored on both sides (and included).</param>
/// <param name="OnlyOurs">Our sets absent from theirs.</param>
/// <param name="OnlyTheirs">Their sets absent from ours.</param>
/// <param name="MaxDifference">Largest |NES ours − theirs| over the common sets and their organoids (0 when none).</param>
/// <param name="LargestIn">The set holding it ("" when none).</param>
public sealed record NesComparison(string Scores, int Common, int OnlyOurs, int OnlyTheirs, double MaxDifference, string LargestIn);

/// <summary>A gene some of the authors' restricted gene sets hold and ours lack.</summary>
/// <param name="Gene">Symbol.</param>
/// <param name="Sets">In how many of the authors' sets.</param>
/// <param name="Measured">Measured on the organoid arrays.</param>
/// <param name="InMirrorGmt">In any set of the Reactome GMT we read.</param>
public sealed record GeneOnlyTheirs(string Gene, int Sets, bool Measured, bool InMirrorGmt);

/// <summary>
/// Why our organoid NES ('authors' convention) are not identical to the authors' gseapy 0.9 output, taken apart step by
/// step: the gene sets (memberships on either side only, and the sets whose scored genes differ after the first-gene
/// loss), the order of tied genes (our expression file's rows are in another order; gseapy 0.9 sorts with numpy's
/// unstable quicksort), and the implementation itself (our ssGSEA on the authors' exact inputs).
/// </summary>
/// <param name="Comparisons">Ours ('authors', 'corrected', 'authors' on the sets equal to theirs), (a) their sets on our
/// expression, (b) their sets on their expression; each against their NES.</param>
/// <param name="OnlyTheirs">Gene memberships of the authors' restricted sets that ours lack.</param>
/// <param name="OnlyOurs">Gene memberships of our restricted sets that theirs lack.</param>
/// <param name="Genes">The genes behind <paramref name="OnlyTheirs"/>, ordinal order.</param>
/// <param name="DifferingSets">Our 'authors' sets whose scored genes differ from the sets gseapy scored.</param>
/// <param name="PreparedSets">Our 'authors' sets after the loss.</param>
/// <param name="SameGenesAndOrganoids">Both expression files hold the same genes and organoids.</param>
/// <param name="MaxValueDifference">Largest |value ours − theirs| over the two expression files (NaN when the genes differ).</param>
/// <param name="RowsMoved">Genes at another row in their file (−1 when the genes differ).</param>
/// <param name="ExpressionGenes">Genes in our expression file.</param>
/// <param name="TiedGenesPerOrganoid">Mean over organoids of the genes sharing their value with another gene.</param>
public sealed record SsgseaParityReport(IReadOnlyList<NesComparison> Comparisons, int OnlyTheirs, int OnlyOurs, IReadOnlyList<GeneOnlyTheirs> Genes,
    IReadOnlyList<string> DifferingSets, int PreparedSets, bool SameGenesAndOrganoids, double MaxValueDifference, int RowsMoved, int ExpressionGenes, double TiedGenesPerOrganoid)
{
    private static string G3(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>For display: each comparison's sets in common, on one side only, max |NES diff| and where.</summary>
    public TsvTable ComparisonTable() => TsvTable.From(Comparisons, ("scores", r => r.Scores), ("sets in common", r => r.Common), ("sets only ours", r => r.OnlyOurs),
        ("sets only theirs", r => r.OnlyTheirs), ("max |NES diff|", r => G3(r.MaxDifference)), ("largest in", r => PathwayNames.Short(r.LargestIn, 60)));

    /// <summary>For display: the numbers behind each cause of the difference, in the order they are taken apart.</summary>
    public TsvTable CausesTable() => new(["cause", "measured", "value"],
    [
        ["1. gene sets", "gene memberships only in the authors' restricted sets / only in ours", $"{OnlyTheirs} / {OnlyOurs}"],
        ["1. gene sets", "our 'authors' sets whose scored genes differ from the sets gseapy scored", $"{DifferingSets.Count} of {PreparedSets}"],
        ["2. tie order", "(a) the authors' sets on our expression file: max |NES diff|", G3(Comparisons[3].MaxDifference)],
        ["2. tie order", "expression files: same genes and organoids; max |value diff|", SameGenesAndOrganoids ? $"yes; {G3(MaxValueDifference)}" : "NOT the same genes"],
        ["2. tie order", "genes at another row in our file", RowsMovedText()],
        ["2. tie order", "genes per organoid sharing their value with another gene (mean)", TiedGenesPerOrganoid.ToString("0", CultureInfo.InvariantCulture)],
        ["3. implementation", "(b) the authors' sets on their expression file: max |NES diff|", G3(Comparisons[4].MaxDifference)],
        ["(1 removed)", $"ours on the {Comparisons[2].Common} sets whose genes equal the authors' input: max |NES diff|", G3(Comparisons[2].MaxDifference)],
    ]);

    private string RowsMovedText() => RowsMoved < 0 ? "n/a" : $"{RowsMoved.ToString("N0", CultureInfo.InvariantCulture)} of {ExpressionGenes.ToString("N0", CultureInfo.InvariantCulture)}";

    /// <summary>For display: the genes the authors' sets hold and ours lack, with where each is found.</summary>
    public TsvTable GenesTable() => TsvTable.From(Genes, ("gene", g => g.Gene), ("in the authors' sets", g => g.Sets),
        ("measured on the arrays", g => g.Measured ? "yes" : "no"), ("in the mirror's Reactome file", g => g.InMirrorGmt ? "yes" : "no"));
}

/// <summary>Compares our organoid ssGSEA with the authors' gseapy 0.9 output (stage 04, section 1).</summary>
public static class SsgseaParity
{
    /// <summary>
    /// Sets in common, sets on either side only, and the largest |NES difference| over the common sets (restricted to
    /// <paramref name="include"/> when given) and every organoid of <paramref name="theirs"/>.
    /// </summary>
    /// <param name="label">What is compared, in words.</param>
    /// <param name="ours">Our ssGSEA.</param>
    /// <param name="theirs">The authors' NES (pathways x organoids).</param>
    /// <param name="include">Which common sets to compare (all when null).</param>
    /// <exception cref="InvalidOperationException">Their NES has organoids we did not score.</exception>
    public static NesComparison Compare(string label, SsgseaResult ours, PathwayScores theirs, Func<string, bool>? include = null)
    {
        if (theirs.Samples.Any(x => !ours.Samples.Contains(x))) throw new InvalidOperationException("the authors' NES has organoids we did not score");
        var ourSample = theirs.Samples.Select(x => ours.Samples.ToList().IndexOf(x)).ToArray();
        int common = 0;
        double max = 0;
        string worst = "";
        foreach (var set in ours.SetNames)
        {
            int i = theirs.PathwayIndex(set), s = ours.SetIndex(set);
            if (i < 0 || (include is not null && !include(set))) continue;
            common++;
            for (int j = 0; j < theirs.Samples.Count; j++)
            {
                double d = Math.Abs(ours.NormalizedScores[s, ourSample[j]] - theirs.Values[i, j]);
                if (d > max) { max = d; worst = set; }
            }
        }
        return new NesComparison(label, common, ours.SetNames.Count(x => theirs.PathwayIndex(x) < 0), theirs.Pathways.Count(x => ours.SetIndex(x) < 0), max, worst);
    }

    /// <summary>
    /// The whole comparison: our two conventions against the authors' NES, the authors' sets scored on our expression
    /// (a) and on theirs (b), the gene-set and expression-file differences.
    /// </summary>
    /// <param name="expression">Our organoid expression.</param>
    /// <param name="sets">Our Reactome GMT read with every gene.</param>
    /// <param name="scoring">Our scoring (<see cref="OrganoidScoring.Score"/>).</param>
    /// <param name="authorsNes">The authors' gseapy NES.</param>
    /// <param name="authorsSets">The authors' gseapy input GMT as gseapy read it (<c>GmtLayout.Standard</c>).</param>
    /// <param name="authorsRestricted">The same file read with every gene (<c>GmtLayout.NoDescription</c>): their sets before the loss.</param>
    /// <param name="authorsExpression">The authors' gseapy expression input.</param>
    public static SsgseaParityReport Analyse(ExpressionMatrix expression, IReadOnlyList<GeneSet> sets, OrganoidScoring scoring, PathwayScores authorsNes,
        IReadOnlyList<GeneSet> authorsSets, IReadOnlyList<GeneSet> authorsRestricted, ExpressionMatrix authorsExpression)
    {
        var onTheirSets = Ssgsea.Score(expression, authorsSets, SsgseaOptions.Gseapy09);
        var onTheirInputs = Ssgsea.Score(authorsExpression, authorsSets, SsgseaOptions.Gseapy09);

        // Before the loss: the authors' restricted sets against ours (the mirror's sets restricted to measured genes).
        var theirRestricted = authorsRestricted.ToDictionary(s => s.Name, s => s.Genes, StringComparer.Ordinal);
        var ourRestricted = sets.ToDictionary(s => s.Name, s => s.Genes.Where(expression.HasGene).ToList(), StringComparer.Ordinal);
        var onlyTheirs = theirRestricted.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Where(g => !ourRestricted.TryGetValue(kv.Key, out var o) || !o.Contains(g)).Select(g => (Set: kv.Key, Gene: g))).ToList();
        int onlyOurs = ourRestricted.Where(kv => theirRestricted.ContainsKey(kv.Key))
            .Sum(kv => kv.Value.Count(g => !theirRestricted[kv.Key].Contains(g)));
        var genes = onlyTheirs.GroupBy(x => x.Gene, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GeneOnlyTheirs(g.Key, g.Count(), expression.HasGene(g.Key), sets.Any(s => s.Genes.Contains(g.Key)))).ToList();
        // After the loss: our sets whose scored genes differ from what gseapy scored.
        var theirGenes = authorsSets.ToDictionary(s => s.Name, s => s.Genes, StringComparer.Ordinal);
        var differing = scoring.AuthorsSets.Where(s => !theirGenes.TryGetValue(s.Name, out var g) || !g.SequenceEqual(s.Genes, StringComparer.Ordinal))
            .Select(s => s.Name).ToList();
        var differingSet = differing.ToHashSet(StringComparer.Ordinal);

        // Same genes and values in both expression files? Then only their row order differs (which decides the order of tied genes).
        bool same = expression.Genes.Order(StringComparer.Ordinal).SequenceEqual(authorsExpression.Genes.Order(StringComparer.Ordinal), StringComparer.Ordinal)
                    && expression.Samples.SequenceEqual(authorsExpression.Samples);
        double maxValue = !same ? double.NaN : expression.Genes.Max(g => expression.Samples.Max(s => Math.Abs(expression[g, s] - authorsExpression[g, s])));
        int moved = !same ? -1 : expression.Genes.Where((g, i) => authorsExpression.Genes[i] != g).Count();
        double tied = Enumerable.Range(0, expression.SampleCount).Average(j => expression.Column(j).GroupBy(v => v).Where(g => g.Count() > 1).Sum(g => g.Count()));

        var comparisons = new[]
        {
            Compare("ours, convention 'authors'", scoring.Authors, authorsNes),
            Compare("ours, convention 'corrected'", scoring.Corrected, authorsNes),
            Compare("ours, 'authors', only the sets whose genes equal the authors' input", scoring.Authors, authorsNes, n => !differingSet.Contains(n)),
            Compare("(a) the authors' gene sets on our expression file", onTheirSets, authorsNes),
            Compare("(b) the authors' gene sets on their expression file", onTheirInputs, authorsNes),
        };
        return new SsgseaParityReport(comparisons, onlyTheirs.Count, onlyOurs, genes, differing, scoring.AuthorsSets.Count, same, maxValue, moved, expression.GeneCount, tied);
    }
}
