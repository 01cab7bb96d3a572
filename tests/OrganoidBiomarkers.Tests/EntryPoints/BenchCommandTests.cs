extern alias bench;
using bench::OrganoidBiomarkers.Bench;
using Xunit;

namespace OrganoidBiomarkers.Tests.EntryPoints;

/// <summary>scripts/bench/run refuses unknown benchmark names and options before timing anything.</summary>
public sealed class BenchCommandTests
{
    private static async Task<(int Code, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await BenchCommand.RunAsync(args, o, e);
        return (code, e.ToString());
    }

    [Fact]
    public async Task An_unknown_benchmark_is_refused_with_the_near_match()
    {
        var (code, err) = await Run("ssgea", "--data-mirror", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("'ssgea': unknown benchmark (allowed: ", err);
        Assert.Contains("ssgsea", err[err.IndexOf("allowed: ", StringComparison.Ordinal)..]);
        Assert.Contains("did you mean ssgsea?", err);
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var (code, err) = await Run("--quik");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--quik'; did you mean --quick?", err);
    }

    [Fact]
    public async Task A_missing_mirror_folder_is_refused()
    {
        var (code, err) = await Run("--data-mirror", "/nonexistent/mirror");
        Assert.Equal(2, code);
        Assert.Contains("--data-mirror /nonexistent/mirror does not exist", err);
    }
}
