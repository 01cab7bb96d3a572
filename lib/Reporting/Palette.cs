using ScottPlot;

namespace OrganoidBiomarkers.Reporting;

/// <summary>
/// The project's figure colours (ColorBrewer), named once so every stage uses the same blue for the same meaning.
/// </summary>
public static class Palette
{
    public static readonly Color Blue = Color.FromHex("#3182bd");
    public static readonly Color LightBlue = Color.FromHex("#9ecae1");
    public static readonly Color Orange = Color.FromHex("#e6550d");
    public static readonly Color Green = Color.FromHex("#31a354");
    public static readonly Color Purple = Color.FromHex("#756bb1");
    public static readonly Color Pink = Color.FromHex("#dd1c77");
    public static readonly Color Dark = Color.FromHex("#252525");
    public static readonly Color DarkGray = Color.FromHex("#636363");
    public static readonly Color Gray = Color.FromHex("#969696");
    public static readonly Color DeepBlue = Color.FromHex("#2166ac");
    public static readonly Color DeepRed = Color.FromHex("#b2182b");
}
