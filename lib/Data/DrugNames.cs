using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>How free-text TCGA drug names are split and matched.</summary>
public enum DrugNameRule
{
    /// <summary>
    /// The authors' rule: upper-case, remove '-' and spaces, split on "AND", and look each piece up among DrugBank
    /// common names and synonyms normalised the same way. "5 FU", "5-FU" and "5FU" all become FLUOROURACIL; regimen
    /// acronyms (FOLFOX) and combinations written with '+' or ',' are not recognised.
    /// </summary>
    Authors,
    /// <summary>
    /// Authors' rule, plus: split also on '+', ',', '/', ';' and parentheses, and expand the regimen acronyms FOLFOX,
    /// FOLFIRI, FOLFIRINOX, XELOX/CAPOX and FLOX into their drugs.
    /// </summary>
    Extended,
}

/// <summary>Normalises free-text drug names to DrugBank common names (upper-case), with a stated rule.</summary>
public sealed partial class DrugNames
{
    private readonly Dictionary<string, string> _lookup;

    /// <summary>The rule this normaliser applies.</summary>
    public DrugNameRule Rule { get; }

    private static readonly Dictionary<string, string[]> Regimens = new(StringComparer.Ordinal)
    {
        ["FOLFOX"] = ["FLUOROURACIL", "LEUCOVORIN", "OXALIPLATIN"],
        ["FOLFIRI"] = ["FLUOROURACIL", "LEUCOVORIN", "IRINOTECAN"],
        ["FOLFIRINOX"] = ["FLUOROURACIL", "LEUCOVORIN", "IRINOTECAN", "OXALIPLATIN"],
        ["XELOX"] = ["CAPECITABINE", "OXALIPLATIN"],
        ["CAPOX"] = ["CAPECITABINE", "OXALIPLATIN"],
        ["FLOX"] = ["FLUOROURACIL", "LEUCOVORIN", "OXALIPLATIN"],
    };

    /// <summary>
    /// A normaliser over a DrugBank vocabulary: every common name and synonym under its <see cref="Key"/>; a synonym
    /// shared by two drugs goes to the first drug in file order (counted), and never overrides another drug's common name.
    /// </summary>
    /// <param name="vocabulary">DrugBank drugs (<see cref="DrugBankVocabulary.Read"/>).</param>
    /// <param name="rule">How free text is split and matched.</param>
    /// <param name="log">Receives a note with the number of names and of ambiguous synonyms; null for none.</param>
    public DrugNames(IReadOnlyList<DrugBankDrug> vocabulary, DrugNameRule rule, CountLog? log = null)
    {
        Rule = rule;
        _lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        int ambiguous = 0;
        // Common names first, so a synonym never overrides another drug's own name; then synonyms, first-come.
        foreach (var d in vocabulary) _lookup.TryAdd(Key(d.CommonName), d.CommonName.ToUpperInvariant());
        foreach (var d in vocabulary)
            foreach (var s in d.Synonyms)
                if (!_lookup.TryAdd(Key(s), d.CommonName.ToUpperInvariant()) && _lookup[Key(s)] != d.CommonName.ToUpperInvariant()) ambiguous++;
        log?.Note("DrugBank names", $"{_lookup.Count} normalised names for {vocabulary.Count} drugs; {ambiguous} synonym(s) shared by two drugs resolved to the first drug");
    }

    /// <summary>Upper-case without '-' and spaces (the authors' key).</summary>
    /// <param name="name">A drug name, e.g. "5-FU" (key "5FU").</param>
    public static string Key(string name) => name.ToUpperInvariant().Replace("-", "").Replace(" ", "");

    [GeneratedRegex(@"[+,/;()]")]
    private static partial Regex ExtendedSeparators();

    [GeneratedRegex(@"\bAND\b")]
    private static partial Regex AndWord();

    /// <summary>The DrugBank common names (upper-case) a free-text entry refers to; unrecognised pieces are left out.</summary>
    /// <param name="freeText">A TCGA drug name, e.g. "5-FU and Leucovorin".</param>
    /// <returns>Distinct names in the order first found; empty when nothing is recognised.</returns>
    public IReadOnlyList<string> Normalise(string freeText)
    {
        IEnumerable<string> pieces;
        if (Rule == DrugNameRule.Authors)
        {
            pieces = Key(freeText).Split("AND", StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            var upper = freeText.ToUpperInvariant();
            pieces = ExtendedSeparators().Split(AndWord().Replace(upper, "+")).Select(Key).Where(p => p.Length > 0);
        }
        var result = new List<string>();
        foreach (var p in pieces)
        {
            if (_lookup.TryGetValue(p, out var name)) result.Add(name);
            else if (Rule == DrugNameRule.Extended && Regimens.TryGetValue(p, out var drugs)) result.AddRange(drugs);
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}
