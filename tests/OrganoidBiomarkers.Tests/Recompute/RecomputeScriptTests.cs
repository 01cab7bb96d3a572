using System.Diagnostics;
using Xunit;

namespace OrganoidBiomarkers.Tests.Recompute;

/// <summary>
/// scripts/recompute/recompute_main.R on the hand-written fixture pair of Fixtures/recompute (values computed without R:
/// see its README.md): agreement exits 0; a changed count, a 5-year survival off by 1e-6, or groups that disagree with
/// score &lt;= median exit 1 and are named.
/// </summary>
public sealed class RecomputeScriptTests
{
    private static (int ExitCode, string Output) Run(string patients, string validation)
    {
        string script = Path.Combine(DataMirror.RepoRoot() ?? throw new InvalidOperationException("repository root not found"),
            "scripts", "recompute", "recompute_main.R");
        var start = new ProcessStartInfo("Rscript") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, TestPaths.Fixture("recompute", patients), TestPaths.Fixture("recompute", validation) }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    [RSurvivalFact]
    public void Agrees_with_the_hand_computed_main_rows()
    {
        var (code, output) = Run("patients.tsv", "validation.tsv");
        Assert.True(code == 0, output);
        Assert.Contains("2 main row(s)", output);
        Assert.Contains("all agree", output);
        Assert.DoesNotContain("DIFFERS", output);
    }

    [RSurvivalFact]
    public void Names_a_count_and_a_survival_that_disagree()
    {
        var (code, output) = Run("patients.tsv", "validation_mismatch.tsv");
        Assert.True(code == 1, output);
        Assert.Contains("2 disagreement(s)", output);
        var differing = output.Split('\n').Where(l => l.Contains("DIFFERS")).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Equal(["n_nonresponders", "surv5_responders"], differing);
    }

    [RSurvivalFact]
    public void Finds_groups_that_disagree_with_the_median_rule()
    {
        var (code, output) = Run("patients_wrong_group.tsv", "validation.tsv");
        Assert.True(code == 1, output);
        Assert.Contains("patients whose group disagrees with score <= median 2", output);
    }

    [RSurvivalFact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var (code, output) = Run("no_such_file.tsv", "validation.tsv");
        Assert.Equal(2, code);
        Assert.Contains("no_such_file.tsv: file not found", output);
    }
}

/// <summary>A fact that needs Rscript with the survival package: skipped, with the install command, when they are absent.</summary>
public sealed class RSurvivalFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            var start = new ProcessStartInfo("Rscript", ["-e", "library(survival)"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(start)!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public RSurvivalFactAttribute()
    {
        if (!Available.Value) Skip = "Rscript with the survival package not found: apt-get install r-base-core r-cran-survival";
    }
}
