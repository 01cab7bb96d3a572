namespace OrganoidBiomarkers.Study;

/// <summary>How TCGA drug records are read.</summary>
public enum DrugRecordFormat
{
    /// <summary>BCR biotab drug table (3 header rows).</summary>
    Biotab,
    /// <summary>TCGAbiolinks clinical 'drug' export.</summary>
    Biolinks,
}

/// <summary>A named set of TCGA drug records: one or more files read alike and pooled.</summary>
/// <param name="Id">E.g. "coad_biotab".</param>
/// <param name="Format">How the files are read.</param>
/// <param name="Inputs">Manifest ids, pooled in this order.</param>
public sealed record DrugRecordSource(string Id, DrugRecordFormat Format, IReadOnlyList<string> Inputs);
