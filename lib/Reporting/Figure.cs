namespace OrganoidBiomarkers.Reporting;

/// <summary>A figure saved as PNG: notebooks display it inline (image/png), the report embeds it.</summary>
/// <param name="Title">The plot's title text (all its lines).</param>
/// <param name="Path">Where the PNG was written.</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record Figure(string Title, string Path, byte[] Png)
{
    /// <summary><see cref="Png"/> as base64 text, e.g. for a <c>data:image/png;base64,</c> URI.</summary>
    public string Base64 => Convert.ToBase64String(Png);
}
