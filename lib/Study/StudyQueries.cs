namespace OrganoidBiomarkers.Study;

/// <summary>Questions stages ask of a study definition (kept beside <see cref="StudyDefinition"/>, answered from its fields only).</summary>
public static class StudyQueries
{
    /// <summary>
    /// The arms that train on <paramref name="collection"/>, in study order, each with its first training set on that
    /// collection.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="collection">An organoid collection id, e.g. "crc".</param>
    public static IReadOnlyList<ArmTraining> TrainingArms(this StudyDefinition study, string collection) =>
        study.Arms.SelectMany(a => a.Training.Where(t => t.Organoids == collection).Take(1).Select(t => new ArmTraining(a, t))).ToList();

    /// <summary>
    /// The drugs trained on <paramref name="collection"/>, one per screen name, in study order (the identities behind
    /// <see cref="StudyDefinition.TrainingDrugs"/>): stage 02 checks each, and names its columns and figures by
    /// <see cref="DrugIdentity.FileLabel"/>.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="collection">An organoid collection id.</param>
    public static IReadOnlyList<DrugIdentity> TrainingDrugIdentities(this StudyDefinition study, string collection) =>
        study.TrainingArms(collection).Select(t => t.Arm.Drug).DistinctBy(d => d.ScreenName, StringComparer.Ordinal).ToList();

    /// <summary>The label tables use for a DrugBank name: the label of the first arm of that drug, else the name itself.</summary>
    /// <param name="study">The study.</param>
    /// <param name="drugBankName">Upper-case DrugBank name, e.g. "FLUOROURACIL".</param>
    public static string DrugLabel(this StudyDefinition study, string drugBankName) =>
        study.Arms.FirstOrDefault(a => a.Drug.DrugBankName == drugBankName)?.Drug.Label ?? drugBankName;

    /// <summary>The organoid collection a stage works on: <paramref name="id"/> if given, else the first collection some arm trains on.</summary>
    /// <param name="study">The study.</param>
    /// <param name="id">A collection id (e.g. from <c>--param organoids=crc</c>), or null.</param>
    /// <exception cref="ArgumentException">An unknown id, or no arm trains on any collection.</exception>
    public static OrganoidCollection TrainingCollection(this StudyDefinition study, string? id = null)
    {
        if (id is not null) return study.OrganoidCollection(id);
        var first = study.Arms.SelectMany(a => a.Training).Select(t => t.Organoids).FirstOrDefault()
            ?? throw new ArgumentException("no arm of the study has a training set");
        return study.OrganoidCollection(first);
    }
}

/// <summary>An arm with one of its training sets.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Training">One of <see cref="ArmDefinition.Training"/>.</param>
public sealed record ArmTraining(ArmDefinition Arm, TrainingDefinition Training)
{
    /// <summary>The organoid cohort this training set gives, e.g. "crc_organoids_5fu".</summary>
    public string Cohort => Arm.OrganoidCohort(Training);
}
