using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class RobustnessSensitivityTests
{
    private static SensitivityRun Run(string selection, string survival, string k, double hr, double p = 0.5, double signed = 1) =>
        new([new("selection", selection), new("survival", survival), new("k", k)], hr, hr / 2, hr * 2, p, signed, 60, 20);

    private static readonly AnalysisChoice[] Main = [new("selection", "authors"), new("survival", "biotab"), new("k", "1")];

    [Fact]
    public void Main_first_then_one_choice_changed_at_a_time_in_the_main_setting_order()
    {
        SensitivityRun[] runs =
        [
            Run("string", "biotab", "1", 1.1),   // selection changed
            Run("authors", "cdr", "2", 1.2),     // two changes: left out
            Run("authors", "biotab", "2", 1.3),  // k changed
            Run("authors", "biotab", "1", 1.4),  // main
            Run("menche", "biotab", "1", 1.5),   // selection changed
            Run("authors", "cdr", "1", 1.6),     // survival changed
            Run("menche", "cdr", "1", 1.7),      // two changes: left out
        ];
        var rows = RobustnessSensitivity.OneAtATime(runs, Main);
        Assert.Equal(
            new[] { ("main", "", 1.4), ("selection", "string", 1.1), ("selection", "menche", 1.5), ("survival", "cdr", 1.6), ("k", "2", 1.3) },
            rows.Select(r => (r.Varied, r.Value, r.Run.HazardRatio)));
    }

    [Fact]
    public void Inconsistent_grids_are_rejected()
    {
        Assert.Contains("main setting", Assert.Throws<ArgumentException>(() => RobustnessSensitivity.OneAtATime([Run("string", "biotab", "1", 1)], Main)).Message);
        Assert.Contains("same setting", Assert.Throws<ArgumentException>(() =>
            RobustnessSensitivity.OneAtATime([Run("authors", "biotab", "1", 1), Run("authors", "biotab", "1", 2)], Main)).Message);
        var other = new SensitivityRun([new("selection", "authors"), new("k", "1")], 1, 1, 1, 0.5, 1, 10, 2);
        Assert.Throws<ArgumentException>(() => RobustnessSensitivity.OneAtATime([Run("authors", "biotab", "1", 1), other], Main));
        Assert.Throws<ArgumentException>(() => RobustnessSensitivity.OneAtATime([Run("authors", "biotab", "1", 1)], [Main[0], Main[0]]));
    }

    [Fact]
    public void Range_by_hand()
    {
        // HR 0.8, 1.2, 2.0, 3.0 defined (median (1.2 + 2.0) / 2 = 1.6); p < 0.05 for the 2.0 (signed +) and 0.8 (signed -) runs.
        SensitivityRun[] runs =
        [
            Run("a", "b", "1", 1.2, p: 0.30),
            Run("a", "b", "2", 2.0, p: 0.01, signed: 2.6),
            Run("a", "b", "3", double.NaN, p: double.NaN, signed: double.NaN),
            Run("a", "b", "4", 0.8, p: 0.04, signed: -2.1),
            Run("a", "b", "5", 3.0, p: 0.05),
        ];
        var r = RobustnessSensitivity.Range(runs);
        Assert.Equal(new SensitivityRange(5, 4, 0.8, r.MedianHazardRatio, 3.0, 2, 1), r);
        Assert.Equal(1.6, r.MedianHazardRatio, 15);
        Assert.Equal("b", runs[0].ValueOf("survival"));
        Assert.Throws<ArgumentException>(() => runs[0].ValueOf("model"));
        Assert.Equal(new SensitivityRange(1, 0, double.NaN, double.NaN, double.NaN, 0, 0), RobustnessSensitivity.Range([runs[2]]));
    }
}
