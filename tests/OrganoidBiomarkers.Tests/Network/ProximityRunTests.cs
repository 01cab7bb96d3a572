using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Study;
using OrganoidBiomarkers.Tests.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

/// <summary>Stage 03 as a run on the fixture study: a 15-gene network, six pathways, the authors' z table of Fixtures/study.</summary>
public class ProximityRunTests
{
    private const int NRandom = 20;
    private const ulong Seed = 7;

    private sealed record Run(StudyDefinition Study, IReadOnlyList<DrugTargetEntry> Drugs, IReadOnlyList<GeneSet> Pathways,
        IReadOnlyList<SelectionNetwork> Networks, ProximityComputation Proximity, AuthorsProximityTable Authors);

    private static Run RunOn(StudyDefinition study)
    {
        var drugs = ProximityRun.Drugs(study, DrugTargets.Read(StudyFixture.PathOf("drug_targets")), allDrugs: false);
        var pathways = GmtReader.Read(StudyFixture.PathOf("reactome_gmt"), GmtLayout.NoDescription);
        var networks = ProximityRun.Networks(study, StudyFixture.PathOf, CountLog.Silent);
        return new Run(study, drugs, pathways, networks, ProximityRun.Compute(networks, drugs, pathways, NRandom, Seed, CountLog.Silent),
            ProximityRun.AuthorsTable(study, StudyFixture.PathOf));
    }

    [Fact]
    public void A_third_arm_gets_proximity_on_every_network_agreement_and_proximal_lists()
    {
        var run = RunOn(StudyFixture.WithIrinotecan());
        Assert.Equal(["FLUOROURACIL", "CISPLATIN", "IRINOTECAN"], run.Drugs.Select(d => d.PooledName));
        Assert.Equal(3 * 6, run.Proximity.Rows.Count);
        Assert.All(run.Proximity.Rows, r => Assert.Equal(("string", "fixture_edges"), (r.Selection, r.Network)));
        var iri = run.Proximity.Rows.Where(r => r.Result.Drug == "IRINOTECAN").ToDictionary(r => r.Result.Pathway, r => r.Result);
        // TOP1 is adjacent to G3 and G4; its nearest R_FAR gene is G11 (TOP1-G4-G11).
        Assert.Equal(1.0, iri["R_NEAR_TOP1"].D);
        Assert.Equal(2.0, iri["R_FAR"].D);
        Assert.False(iri["R_ABSENT"].IsComputed);

        var agreement = ProximityRun.Agreement(run.Proximity.Rows, run.Authors, run.Drugs, run.Networks);
        Assert.Equal(["FLUOROURACIL", "CISPLATIN", "IRINOTECAN"], agreement.Select(a => a.Drug));
        var a = agreement[2];
        Assert.Equal(5, a.Pathways); // R_ABSENT has no z of ours
        Assert.Equal(2, a.Overlap.SizeA); // authors: R_NEAR_TOP1 (-2.0), R_MIX (-1.3)
        Assert.Equal(5, a.Points.Count);

        var proximal = ProximityRun.ProximalPathways(run.Study, run.Proximity.Rows, run.Authors, run.Drugs);
        Assert.Equal([("R_NEAR_TOP1", -2.0), ("R_MIX", -1.3)],
            proximal.Where(p => p.Drug == "IRINOTECAN" && p.Selection == "authors").Select(p => (p.Pathway, p.Z)));
        Assert.All(proximal.Where(p => p.Selection == "authors"), p => Assert.Equal("fixture_authors_table", p.Network));
        var ours = proximal.Where(p => p.Drug == "IRINOTECAN" && p.Selection == "string").ToList();
        Assert.Equal(iri.Values.Where(r => r.IsComputed && r.Z <= Proximity.ProximalZ).Select(r => r.Pathway).Order(StringComparer.Ordinal), ours.Select(p => p.Pathway).Order(StringComparer.Ordinal));
        Assert.Equal(ours.Select(p => p.Z).Order(), ours.Select(p => p.Z));
        Assert.Equal(ours.Count, a.Overlap.SizeB);
    }

    [Fact]
    public void Proximal_lists_are_per_drug_then_selection_in_study_order_with_the_cut_off_inclusive()
    {
        var run = RunOn(StudyFixture.TwoArms());
        var proximal = ProximityRun.ProximalPathways(run.Study, run.Proximity.Rows, run.Authors, run.Drugs);
        // Drugs outermost (arm order), then selections in study order.
        var order = proximal.Select(p => (Drug: Array.IndexOf(["FLUOROURACIL", "CISPLATIN"], p.Drug), Selection: run.Study.Selections.ToList().FindIndex(s => s.Id == p.Selection))).ToList();
        Assert.Equal(order.OrderBy(o => o.Drug).ThenBy(o => o.Selection), order);
        Assert.Equal([0, 1], order.Select(o => o.Drug).Distinct());
        // -1.2816 itself is proximal (z <= cut-off); ties keep table order.
        Assert.Equal(["R_NEAR_TYMS", "R_NEAR_A2M", "R_MIX"], proximal.Where(p => p.Drug == "FLUOROURACIL" && p.Selection == "authors").Select(p => p.Pathway));
        var table = ProximalPathway.Table(proximal);
        Assert.Equal(["drug", "selection", "network", "pathway", "z"], table.Columns);
        Assert.Equal(["FLUOROURACIL", "authors", "fixture_authors_table", "R_NEAR_TYMS", "-2.5"], table.Rows[0]);
        Assert.Equal(["drug", "network", "pathway", "n_targets_in_network", "n_pathway_genes_in_network", "d", "mean", "sd", "z"], ProximityRun.ProximityTable(run.Proximity.Rows).Columns);
        Assert.Equal(["drug", "network", "pathways compared", "spearman_rho", "proximal (authors)", "proximal (ours)", "shared", "jaccard"],
            ProximityRun.AgreementTable(ProximityRun.Agreement(run.Proximity.Rows, run.Authors, run.Drugs, run.Networks)).Columns);
    }

    [Fact]
    public void An_entrez_network_is_mapped_to_symbols_and_its_rows_follow_the_first_network()
    {
        var study = StudyFixture.WithMenche(StudyFixture.TwoArms());
        var log = new CountLog();
        var networks = ProximityRun.Networks(study, StudyFixture.PathOf, log);
        Assert.Equal(["string", "menche"], networks.Select(n => n.Selection.Id));
        // 999 and 998 have no symbol: their edge is dropped; the eight mapped genes form one ring.
        Assert.Equal(8, networks[1].Graph.NodeCount);
        Assert.True(networks[1].Graph.Contains("TYMS"));
        var drugs = ProximityRun.Drugs(study, DrugTargets.Read(StudyFixture.PathOf("drug_targets")), allDrugs: false);
        var pathways = GmtReader.Read(StudyFixture.PathOf("reactome_gmt"), GmtLayout.NoDescription);
        var computation = ProximityRun.Compute(networks, drugs, pathways, NRandom, Seed, CountLog.Silent);
        Assert.Equal(["fixture_edges", "fixture_menche"], computation.Timings.Select(t => t.Network));
        Assert.Equal(Enumerable.Repeat("string", 12).Concat(Enumerable.Repeat("menche", 12)), computation.Rows.Select(r => r.Selection));
        // The same seed gives the same rows whatever else is computed in the run.
        var alone = ProximityRun.Compute([networks[1]], drugs, pathways, NRandom, Seed, CountLog.Silent);
        Assert.Equal(alone.Rows.Select(r => r.Result), computation.Rows.Skip(12).Select(r => r.Result));
    }

    [Fact]
    public void All_drugs_mode_takes_every_target_row_and_the_determinism_check_fails_loudly()
    {
        var study = StudyFixture.TwoArms();
        var targets = DrugTargets.Read(StudyFixture.PathOf("drug_targets"));
        Assert.Equal(["FLUOROURACIL", "CISPLATIN", "IRINOTECAN", "DOCETAXEL_PACLITAXEL"], ProximityRun.Drugs(study, targets, allDrugs: true).Select(d => d.PooledName));
        var run = RunOn(study);
        var check = ProximityRun.Recompute(run.Networks[0], run.Drugs[0], run.Pathways, NRandom, Seed, run.Proximity.Rows);
        Assert.True(check.Identical);
        Assert.Equal(6, check.Rows);
        Assert.Equal("yes", check.Table().Rows[0][4]);
        var other = ProximityRun.Recompute(run.Networks[0], run.Drugs[0], run.Pathways, NRandom, Seed + 1, run.Proximity.Rows);
        Assert.False(other.Identical);
        Assert.Throws<InvalidOperationException>(() => other.Table());
        Assert.Throws<ArgumentException>(() => ProximityRun.AuthorsTable(study with { Selections = [study.Selections[1]] }, StudyFixture.PathOf));
    }
}
