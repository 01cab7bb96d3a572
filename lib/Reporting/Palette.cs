using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The project's figure colours (ColorBrewer), named once so every stage uses the same blue for the same meaning.
/// </summary>
public static class Palette
{
    /// <summary>#3182bd: the first series; in model figures a pathway whose higher score goes with sensitivity, or a highlighted bar.</summary>
    public static readonly Color Blue = Color.FromHex("#3182bd");

    /// <summary>#9ecae1: neutral or background bars.</summary>
    public static readonly Color LightBlue = Color.FromHex("#9ecae1");

    /// <summary>#e6550d: the second series; in model figures a pathway whose higher score goes with resistance; flagged items.</summary>
    public static readonly Color Orange = Color.FromHex("#e6550d");

    /// <summary>#31a354: the third series.</summary>
    public static readonly Color Green = Color.FromHex("#31a354");

    /// <summary>#756bb1: the fourth series.</summary>
    public static readonly Color Purple = Color.FromHex("#756bb1");

    /// <summary>#dd1c77: the fifth series.</summary>
    public static readonly Color Pink = Color.FromHex("#dd1c77");

    /// <summary>#252525: text, labels and reference lines (near black).</summary>
    public static readonly Color Dark = Color.FromHex("#252525");

    /// <summary>#636363: a further series, secondary ink.</summary>
    public static readonly Color DarkGray = Color.FromHex("#636363");

    /// <summary>#969696: controls and guide lines.</summary>
    public static readonly Color Gray = Color.FromHex("#969696");

    /// <summary>#2166ac: predicted responders in Kaplan-Meier figures; alternative settings in forest plots.</summary>
    public static readonly Color DeepBlue = Color.FromHex("#2166ac");

    /// <summary>#b2182b: predicted non-responders in Kaplan-Meier figures; the main result in forest plots.</summary>
    public static readonly Color DeepRed = Color.FromHex("#b2182b");
}
