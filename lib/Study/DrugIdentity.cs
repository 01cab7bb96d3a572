namespace OrganoidBiomarkers.Study;

/// <summary>
/// One drug under the three names the study's inputs give it. The screen and DrugBank names come from different
/// vocabularies and never need to agree in spelling (the CRC screen writes "Gemcitibine"); the target row is how
/// drug_drugTarget.txt and the authors' proximity table name the drug (pooled drugs joined by '_', e.g.
/// DOCETAXEL_PACLITAXEL).
/// </summary>
/// <param name="Label">Short label for tables and figures, e.g. "5-FU".</param>
/// <param name="ScreenName">The organoid drug screen's name, e.g. "5-Fluorouracil" (van de Wetering 2015 Table S2b).</param>
/// <param name="DrugBankName">DrugBank common name, upper case, e.g. "FLUOROURACIL": TCGA drug records normalise to it.</param>
/// <param name="TargetRow">The drug's row in drug_drugTarget.txt and column in the authors' z table, e.g. "FLUOROURACIL".</param>
public sealed record DrugIdentity(string Label, string ScreenName, [property: System.Text.Json.Serialization.JsonPropertyName("drugbank_name")] string DrugBankName, string TargetRow)
{
    /// <summary>Lower-case label without punctuation, for file names: "5-FU" → "5fu".</summary>
    public string FileLabel => new(Label.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
