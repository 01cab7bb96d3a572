namespace OrganoidBiomarkers.Data;

/// <summary>What a reader does when one ID (gene or sample) appears on more than one row or column.</summary>
public enum DuplicatePolicy
{
    /// <summary>Refuse the file, naming the ID and both lines.</summary>
    Fail,
    /// <summary>Keep the element-wise mean of the duplicates.</summary>
    Mean,
    /// <summary>Keep the element-wise median of the duplicates.</summary>
    Median,
    /// <summary>Keep the first occurrence.</summary>
    First,
    /// <summary>Drop every copy (e.g. when it is unknowable which one is right).</summary>
    Drop,
}

/// <summary>The unit a matrix is expected to be in, checked at the boundary to catch a wrong file or transform.</summary>
public enum ValueScale
{
    /// <summary>log2 values: anything above 50 (2^50) means the data are not log-transformed.</summary>
    Log2,
    /// <summary>Linear, non-negative values (counts, FPKM, TPM).</summary>
    Linear,
}
