using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Study;

/// <summary>An entry of the study definition that a run leaves out because an input it names is not available.</summary>
/// <param name="Kind">Which list it is in: "organoid collection", "expression source", "selection", "drug records",
/// "survival input", "cohort", "training set", "analysis", "control", "reference medians", "atlas selection", "atlas expression source".</param>
/// <param name="Id">Its id (for a training set or analysis: "arm: collection" / "arm: cohort, survival").</param>
/// <param name="Why">The missing manifest inputs, or the skipped entry it depends on.</param>
public sealed record SkippedStudyEntry(string Kind, string Id, string Why)
{
    /// <summary>"selection string105 (string_v10_5 not available)".</summary>
    public override string ToString() => $"{Kind} {Id} ({Why})";
}

/// <summary>
/// The study as one run can use it: <see cref="Study"/> is the definition with every entry whose inputs are not
/// available left out (and the references to them), <see cref="Skipped"/> says what and why.
/// </summary>
/// <param name="Study">The usable definition; equal to the full definition when every input is available.</param>
/// <param name="Skipped">The entries left out, in the definition's order.</param>
public sealed record UsableStudy(StudyDefinition Study, IReadOnlyList<SkippedStudyEntry> Skipped)
{
    /// <summary>
    /// Records the reduction as one counted step ("study: entries usable with this run's inputs", entries before and
    /// after, every skipped entry named), so each stage's count log says which input set it ran on.
    /// </summary>
    /// <param name="log">The stage's count log.</param>
    /// <param name="entries">Entries of the full definition (<see cref="StudyAvailability.EntryCount"/>).</param>
    public void Record(CountLog log, int entries)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.Record("study: entries usable with this run's inputs", entries, entries - Skipped.Count,
            Skipped.Count == 0 ? "every input the study names is available"
                : "left out (input not available, e.g. not fetched by scripts/fetch-inputs): " + string.Join("; ", Skipped));
    }
}

/// <summary>
/// Which entries of a study definition a run can use, given which inputs are available (a mirror file, a download, a
/// fetched connected input). The definition lists the paper's own inputs first where they exist (connected runs) and
/// the stand-ins after them: the preference lists (an arm's training sets, its main expression sources, the
/// first-neighbour networks) then take the first usable entry, so a run without the paper's inputs uses exactly the
/// stand-ins and a run with them moves its main rows onto them, with no code change. An entry is left out when an input
/// it names is not available, and so is every entry that depends on a left-out one:
/// <list type="bullet">
/// <item>an organoid collection without its expression or screen (its reference medians alone are optional);</item>
/// <item>an expression source, a selection or a drug-record source without its file(s);</item>
/// <item>a survival source's per-project input that is missing (the source goes when none is left);</item>
/// <item>a cohort whose drug records, survival input for one of its projects, GDC file filter, expression-sample
/// source or base cohort (<c>variant_of</c>) is gone;</item>
/// <item>in each arm: training sets on a gone collection, analyses on a gone cohort or survival source (a gone control
/// is dropped from its analysis), expression sources that are gone; in the main setting, gone expression sources;</item>
/// <item>in the drug atlas' template: gone selections and, per cancer, gone expression sources.</item>
/// </list>
/// What an arm cannot do without is never left out (its last training set, its main analysis, selection or last main
/// expression source): the stage that reads it then stops with the missing-input error it gives today.
/// </summary>
public static class StudyAvailability
{
    /// <summary>The study as a run with these inputs can use it.</summary>
    /// <param name="study">The full definition (data/study.json).</param>
    /// <param name="isAvailable">Whether a manifest input can be read in this run (<c>DataStore.IsAvailable</c>).</param>
    public static UsableStudy Usable(this StudyDefinition study, Func<string, bool> isAvailable)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(isAvailable);
        var skipped = new List<SkippedStudyEntry>();
        string? Missing(params string?[] inputs)
        {
            var gone = inputs.Where(i => i is not null && !isAvailable(i)).Distinct(StringComparer.Ordinal).ToList();
            return gone.Count == 0 ? null : string.Join(", ", gone) + " not available";
        }
        List<T> Keep<T>(IEnumerable<T> items, string kind, Func<T, string> id, Func<T, string?> why)
        {
            var kept = new List<T>();
            foreach (var item in items)
                if (why(item) is { } reason) skipped.Add(new SkippedStudyEntry(kind, id(item), reason));
                else kept.Add(item);
            return kept;
        }

        var collections = Keep(study.OrganoidCollections, "organoid collection", c => c.Id, c => Missing(c.Expression, c.Screen));
        for (int i = 0; i < collections.Count; i++)
            if (collections[i].ReferenceMedians is { } medians && Missing(medians) is { } why)
            {
                skipped.Add(new SkippedStudyEntry("reference medians", collections[i].Id, why));
                collections[i] = collections[i] with { ReferenceMedians = null };
            }
        var sources = Keep(study.ExpressionSources, "expression source", s => s.Id, s => Missing(s.Input));
        var selections = Keep(study.Selections, "selection", s => s.Id, s => Missing(s.Input));
        var records = Keep(study.DrugRecords, "drug records", d => d.Id, d => Missing([.. d.Inputs]));
        var survival = new List<SurvivalSourceDefinition>();
        foreach (var s in study.SurvivalSources)
        {
            var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (project, input) in s.Inputs)
                if (Missing(input) is { } why) skipped.Add(new SkippedStudyEntry("survival input", $"{s.Id} {project}", why));
                else inputs[project] = input;
            if (inputs.Count == 0) continue;
            // Keep the definition's own dictionary when nothing was dropped (its order is what study.json wrote).
            survival.Add(inputs.Count == s.Inputs.Count ? s : s with { Inputs = inputs });
        }

        bool Has<T>(IEnumerable<T> list, Func<T, string> id, string? value) => value is null || list.Any(x => id(x) == value);
        var cohorts = new List<PatientCohortDefinition>();
        foreach (var c in study.Cohorts)
        {
            var source = survival.FirstOrDefault(s => s.Id == c.Survival);
            string? why = !Has(records, r => r.Id, c.DrugRecords) ? $"drug records {c.DrugRecords} left out"
                : source is null ? $"survival source {c.Survival} left out"
                : c.Projects.FirstOrDefault(p => source.InputFor(p) is null) is { } project ? $"survival source {c.Survival} has no {project} input"
                : c.ExpressionFiles is { } ef && Missing(ef.Files, ef.Patients) is { } files ? files
                : !Has(sources, s => s.Id, c.ExpressionSamples) ? $"expression source {c.ExpressionSamples} left out"
                : !Has(cohorts, x => x.Id, c.VariantOf) ? $"cohort {c.VariantOf} left out"
                : null;
            if (why is null) cohorts.Add(c);
            else skipped.Add(new SkippedStudyEntry("cohort", c.Id, why));
        }

        var arms = new List<ArmDefinition>();
        foreach (var a in study.Arms)
        {
            var training = a.Training.Where(t => Has(collections, c => c.Id, t.Organoids)).ToList();
            foreach (var t in a.Training.Except(training)) skipped.Add(new SkippedStudyEntry("training set", $"{a.Id}: {t.Organoids}", $"organoid collection {t.Organoids} left out"));
            if (training.Count == 0) training = [.. a.Training];

            var analyses = new List<AnalysisDefinition>();
            foreach (var an in a.Analyses)
            {
                bool usable = Has(cohorts, c => c.Id, an.Cohort) && Has(survival, s => s.Id, an.Survival)
                    && survival.First(s => s.Id == an.Survival) is var ss && cohorts.First(c => c.Id == an.Cohort).Projects.All(p => ss.InputFor(p) is not null);
                bool isMain = an.Cohort == a.Main.Cohort && an.Survival == a.Main.Survival;
                if (!usable && !isMain)
                {
                    skipped.Add(new SkippedStudyEntry("analysis", $"{a.Id}: {an.Cohort}, {an.Survival}", "its cohort or survival input is left out"));
                    continue;
                }
                if (an.Control is not null && !Has(cohorts, c => c.Id, an.Control))
                {
                    skipped.Add(new SkippedStudyEntry("control", $"{a.Id}: {an.Control}", $"cohort {an.Control} left out"));
                    analyses.Add(an with { Control = null });
                }
                else analyses.Add(an);
            }

            var expression = a.Expression.Where(e => Has(sources, s => s.Id, e)).ToList();
            var mainExpression = a.Main.Expression.Where(e => Has(sources, s => s.Id, e)).ToList();
            if (mainExpression.Count == 0) mainExpression = [.. a.Main.Expression];
            foreach (var e in mainExpression.Where(e => !expression.Contains(e, StringComparer.Ordinal)).ToList()) expression.Add(e);
            bool same = training.Count == a.Training.Count && analyses.SequenceEqual(a.Analyses) && expression.Count == a.Expression.Count
                && mainExpression.Count == a.Main.Expression.Count;
            arms.Add(same ? a : a with { Training = training, Analyses = analyses, Expression = expression, Main = a.Main with { Expression = mainExpression } });
        }

        var neighbours = study.FirstNeighbourNetworks.Where(n => Has(selections, s => s.Id, n)).ToList();
        if (neighbours.Count == 0) neighbours = [.. study.FirstNeighbourNetworks];

        // The atlas template's preference lists, as the arms' (its last entry kept, for the stage's own error).
        var atlas = study.Atlas;
        if (atlas is not null)
        {
            var atlasSelections = Keep(atlas.Main.Selections, "atlas selection", id => id,
                id => Has(selections, s => s.Id, id) ? null : study.Selections.FirstOrDefault(s => s.Id == id) is { } s ? Missing(s.Input) : "left out");
            if (atlasSelections.Count == 0) atlasSelections = [.. atlas.Main.Selections];
            var cancers = atlas.Cancers.Select(c =>
            {
                var kept = Keep(c.Expression, "atlas expression source", id => $"{c.Id}: {id}", id => Has(sources, s => s.Id, id) ? null : $"expression source {id} left out");
                return kept.Count == c.Expression.Count ? c : c with { Expression = kept.Count == 0 ? [.. c.Expression] : kept };
            }).ToList();
            if (atlasSelections.Count != atlas.Main.Selections.Count || !cancers.SequenceEqual(atlas.Cancers))
                atlas = atlas with { Main = atlas.Main with { Selections = atlasSelections }, Cancers = cancers };
        }
        if (skipped.Count == 0) return new UsableStudy(study, []);
        var reduced = study with
        {
            OrganoidCollections = collections, ExpressionSources = sources, Selections = selections, DrugRecords = records, SurvivalSources = survival,
            Cohorts = cohorts, Arms = arms, FirstNeighbourNetworks = neighbours, Atlas = atlas,
        };
        return new UsableStudy(reduced, skipped);
    }

    /// <summary>The number of entries <see cref="UsableStudy.Record"/> counts: collections, sources, selections, drug records, survival inputs, cohorts, arms' training sets, analyses and controls, the atlas template's selections and cancers' expression sources.</summary>
    /// <param name="study">The full (or usable) definition.</param>
    public static int EntryCount(this StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.OrganoidCollections.Count + study.OrganoidCollections.Count(c => c.ReferenceMedians is not null) + study.ExpressionSources.Count
            + study.Selections.Count + study.DrugRecords.Count + study.SurvivalSources.Sum(s => s.Inputs.Count) + study.Cohorts.Count
            + study.Arms.Sum(a => a.Training.Count + a.Analyses.Count + a.Analyses.Count(x => x.Control is not null))
            + (study.Atlas is { } atlas ? atlas.Main.Selections.Count + atlas.Cancers.Sum(c => c.Expression.Count) : 0);
    }
}
