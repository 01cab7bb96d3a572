namespace OrganoidBiomarkers.Models;

/// <summary>One train/test split of sample indices (both ascending).</summary>
/// <param name="Train">0-based indices of the training samples: every sample not in <paramref name="Test"/>.</param>
/// <param name="Test">0-based indices of the held-out samples, one contiguous block.</param>
public sealed record Fold(IReadOnlyList<int> Train, IReadOnlyList<int> Test);

/// <summary>
/// K-fold splits WITHOUT shuffling (scikit-learn KFold(n_splits, shuffle=False), which an integer cv gives a
/// regressor): test folds are contiguous blocks in row order; the first n mod k folds hold n/k + 1 samples, the rest
/// n/k (e.g. n = 19, k = 3: 7, 6, 6).
/// </summary>
public static class KFold
{
    /// <summary>The <paramref name="folds"/> splits of <paramref name="sampleCount"/> samples, first test block first.</summary>
    /// <param name="sampleCount">Number of samples (&gt;= <paramref name="folds"/>).</param>
    /// <param name="folds">Number of folds k (&gt;= 2).</param>
    /// <exception cref="ArgumentException">Fewer than 2 folds, or fewer samples than folds.</exception>
    public static IReadOnlyList<Fold> Splits(int sampleCount, int folds)
    {
        if (folds < 2) throw new ArgumentException($"KFold: needs at least 2 folds, got {folds}", nameof(folds));
        if (sampleCount < folds)
            throw new ArgumentException($"KFold: {folds} folds need at least {folds} samples, got {sampleCount}", nameof(sampleCount));
        var result = new List<Fold>(folds);
        int start = 0;
        for (int f = 0; f < folds; f++)
        {
            int size = sampleCount / folds + (f < sampleCount % folds ? 1 : 0);
            var test = Enumerable.Range(start, size).ToArray();
            var train = Enumerable.Range(0, sampleCount).Where(i => i < start || i >= start + size).ToArray();
            result.Add(new Fold(Array.AsReadOnly(train), Array.AsReadOnly(test)));
            start += size;
        }
        return result.AsReadOnly();
    }
}
