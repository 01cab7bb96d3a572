namespace OrganoidBiomarkers.Models;

/// <summary>The range checks the two tree-ensemble learners (<see cref="FastTreeLearner"/>, <see cref="LightGbmLearner"/>) share.</summary>
internal static class TreeLearnerSettings
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the learner and the setting when one is out of range.</summary>
    /// <param name="learner">The learner's name, e.g. "fasttree".</param>
    /// <param name="roundsName">What the learner calls its boosting rounds ("NumberOfTrees", "NumberOfIterations").</param>
    /// <param name="rounds">Boosting rounds, 1..10,000.</param>
    /// <param name="leaves">Leaves per tree, 2..128.</param>
    /// <param name="minimumPerLeaf">Smallest leaf, at least 1.</param>
    /// <param name="learningRate">Shrinkage per tree, in (0, 1].</param>
    public static void Check(string learner, string roundsName, int rounds, int leaves, int minimumPerLeaf, double learningRate)
    {
        if (rounds is < 1 or > 10_000) throw new ArgumentException($"{learner}: {roundsName} must be in 1..10000, got {rounds}");
        if (leaves is < 2 or > 128) throw new ArgumentException($"{learner}: NumberOfLeaves must be in 2..128, got {leaves}");
        if (minimumPerLeaf < 1) throw new ArgumentException($"{learner}: MinimumExampleCountPerLeaf must be at least 1, got {minimumPerLeaf}");
        if (!(learningRate > 0 && learningRate <= 1)) throw new ArgumentException($"{learner}: LearningRate must be in (0, 1], got {learningRate}");
    }
}
