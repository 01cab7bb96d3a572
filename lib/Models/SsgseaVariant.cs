namespace OrganoidBiomarkers.Models;

/// <summary>Which reference implementation of single-sample GSEA (Barbie et al. 2009) to reproduce.</summary>
public enum SsgseaVariant
{
    /// <summary>
    /// gseapy 0.9.x <c>ssgsea(sample_norm_method='rank', permutation_num=0, scale=True)</c>, as the authors ran it:
    /// per sample, average-tie ranks scaled to rank*10000/n; genes sorted descending in numpy's unstable quicksort order
    /// reversed (pandas &lt; 1.0); weights |scaled rank|^weight; ES = sum of the running-sum curve divided by n (genes).
    /// Defaults: min size 2, max size 2000.
    /// </summary>
    Gseapy09,

    /// <summary>
    /// GSVA 1.46 <c>gsva(method='ssgsea')</c>: average-tie ranks truncated to integers (<c>mode(R) &lt;- "integer"</c>),
    /// genes sorted descending with ties in row order (R's stable <c>order</c>); weights rank^tau; ES by the closed form
    /// of the running-sum sum, not divided by n. Defaults: min size 1, max size unlimited.
    /// </summary>
    Gsva,
}
