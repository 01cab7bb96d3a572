namespace OrganoidBiomarkers.Reporting;

/// <summary>A figure saved as PNG: notebooks display it inline (image/png), the report embeds it.</summary>
public sealed record Figure(string Title, string Path, byte[] Png)
{
    public string Base64 => Convert.ToBase64String(Png);
}
