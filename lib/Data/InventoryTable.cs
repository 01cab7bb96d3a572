using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>The schema of inventory.tsv (stage 01): input, file, role, status, from, rows, columns, unit, paper used.</summary>
public static class InventoryTable
{
    /// <summary>One row per input, in manifest order.</summary>
    /// <param name="rows">What <see cref="Inventory.Load"/> returns.</param>
    public static TsvTable Of(IReadOnlyList<InventoryRow> rows) => TsvTable.From(rows,
        ("input", r => r.Id), ("file", r => r.File), ("role", r => r.Role), ("status", r => r.Status), ("from", r => r.Source),
        ("rows", r => r.Rows), ("columns", r => r.Columns), ("unit", r => r.Unit), ("paper used", r => r.PaperUsed));
}
