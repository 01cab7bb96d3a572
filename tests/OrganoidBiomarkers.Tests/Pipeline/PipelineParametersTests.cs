using System.Text.RegularExpressions;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Qc;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>The one declaration of every --param key, and RunContext's use of it.</summary>
public class PipelineParametersTests
{
    private static RunContext Context(params (string Key, string Value)[] ps) =>
        new("/repo", "/repo/output", null, ps.ToDictionary(p => p.Key, p => p.Value), "/repo/data");

    [Fact]
    public void Defaults_are_the_library_constants()
    {
        Assert.Equal(Rng.DefaultSeed.ToString(), PipelineParameters.Find("seed")!.Default);
        Assert.Equal(Proximity.DefaultRandomisations.ToString(), PipelineParameters.Find("n_random")!.Default);
        Assert.Equal(TestedRange.AssumedDilutionRange, double.Parse(PipelineParameters.Find("dilution_range")!.Default, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_parameter_a_notebook_reads_is_declared_for_its_stage()
    {
        var notebooks = Path.Combine(RunContext.FindRepoRoot(AppContext.BaseDirectory)!, "notebooks");
        int found = 0;
        foreach (var file in Directory.GetFiles(notebooks, "??-*.dib"))
        {
            string stage = Path.GetFileName(file)[..2], text = File.ReadAllText(file);
            var keys = Regex.Matches(text, @"\b(?:Param|IntParam|NumberParam|BoolParam)\(""([a-z_]+)""").Select(m => m.Groups[1].Value).ToList();
            if (text.Contains("run.Seed", StringComparison.Ordinal)) keys.Add("seed");
            foreach (var key in keys.Distinct())
            {
                found++;
                var p = PipelineParameters.Find(key);
                Assert.True(p is not null, $"{Path.GetFileName(file)} reads '{key}', which lib/Pipeline/PipelineParameters.cs does not declare");
                Assert.True(p!.ReadBy(stage), $"{Path.GetFileName(file)} reads '{key}', but its declaration lists stages {string.Join(",", p.Stages)}: add {stage}");
            }
        }
        Assert.True(found >= 8, $"only {found} parameter reads found in {notebooks}");
    }

    [Theory]
    [InlineData("offline", "TRUE", "true")]
    [InlineData("offline", "False", "false")]
    [InlineData("gmt", "CORRECTED", "corrected")]
    [InlineData("n_random", " 250 ", "250")]
    [InlineData("seed", "18446744073709551615", "18446744073709551615")]
    [InlineData("dilution_range", "1e3", "1000")]
    [InlineData("arm", "Gemcitabine_BLCA", "gemcitabine_blca")]
    [InlineData("arm", "all", "all")]
    public void Values_are_normalised(string key, string given, string canonical)
    {
        var (values, errors) = PipelineParameters.Validate([new(key, given)]);
        Assert.Empty(errors);
        Assert.Equal(canonical, values[key]);
    }

    [Theory]
    [InlineData("proximity_drugs", "NOPE", "allowed: main, all")]
    [InlineData("proximity_drugs", "al", "did you mean proximity_drugs=all?")]
    [InlineData("n_randm", "1", "unknown parameter; did you mean n_random?")]
    [InlineData("permutations", "1.5", "allowed: a whole number >= 1")]
    [InlineData("seed", "18446744073709551616", "a whole number from 0 to 18446744073709551615")]
    [InlineData("offline", "ture", "did you mean offline=true?")]
    [InlineData("arm", "5fu coad", "allowed: a name of letters, digits, '_' and '-'")]
    public void Bad_values_are_refused_naming_key_value_allowed_and_near_match(string key, string given, string expected)
    {
        var (_, errors) = PipelineParameters.Validate([new(key, given)]);
        var e = Assert.Single(errors);
        Assert.Contains($"{key}={given}", e);
        Assert.Contains(expected, e);
    }

    [Fact]
    public void Run_context_reads_declared_parameters_and_refuses_undeclared_ones()
    {
        var run = Context(("offline", "TRUE"), ("n_random", "12"));
        Assert.True(run.BoolParam("offline"));
        Assert.Equal(12, run.IntParam("n_random", Proximity.DefaultRandomisations));
        Assert.Equal(1999, run.IntParam("permutations", 1999));
        Assert.Equal(Rng.DefaultSeed, run.Seed);
        Assert.Contains("not declared", Assert.Throws<InvalidOperationException>(() => run.Param("drug", "x")).Message);
        Assert.Contains("differs from the declared default", Assert.Throws<InvalidOperationException>(() => run.IntParam("permutations", 999)).Message);
        Assert.Throws<ParameterException>(() => Context(("n_random", "abc")).IntParam("n_random", 1000));
    }

    [Fact]
    public void Run_context_from_the_environment_refuses_unknown_keys()
    {
        var saved = Environment.GetEnvironmentVariable("PIPELINE_PARAMS");
        try
        {
            Environment.SetEnvironmentVariable("PIPELINE_PARAMS", "{\"n_randm\":\"5\"}");
            Assert.Contains("did you mean n_random?", Assert.Throws<ParameterException>(() => RunContext.FromEnvironment()).Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PIPELINE_PARAMS", saved);
        }
    }

    [Theory]
    [InlineData("--drgu", "--drug")]
    [InlineData("--Drug", "--drug")]
    [InlineData("n_randm", "n_random")]
    [InlineData("robustness_boot", "robustness_bootstrap")]
    [InlineData("zzzzzz", null)]
    public void Near_matches_are_offered_only_for_likely_typos(string given, string? expected) =>
        Assert.Equal(expected, NearMatch.Suggest(given, ["--drug", "--model", "n_random", "robustness_bootstrap", "robustness_permutations"]));
}
