using OrganoidBiomarkers.NotebookRunner;
using Xunit;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>
/// run-pipeline's command line is strict: each refusal names the option or key, the value, what is allowed and a near
/// match, and happens before any work (nothing is created in the output folder); exit code 2.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly RunnerWorld _w = new RunnerWorld().With("01-ok.dib", "02-param.dib");

    public void Dispose() => _w.Dispose();

    private async Task<string> Refused(params string[] args)
    {
        var (code, _, err) = await _w.RunAsync(args);
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(_w.Output));
        Assert.False(Directory.Exists(_w.Work));
        Assert.Single(err.Trim().Split('\n'));
        return err;
    }

    [Fact]
    public async Task Unknown_option_is_refused_with_a_near_match() =>
        Assert.Contains("unknown option '--ouput'; did you mean --output?", await Refused("--ouput", "x"));

    [Fact]
    public async Task Unknown_param_key_is_refused_not_recorded() =>
        Assert.Contains("--param n_randm=10: unknown parameter; did you mean n_random?", await Refused("--param", "n_randm=10"));

    [Fact]
    public async Task Unknown_choice_is_refused_naming_the_allowed_values()
    {
        var err = await Refused("--param", "proximity_drugs=NOPE");
        Assert.Contains("proximity_drugs=NOPE", err);
        Assert.Contains("allowed: main, all", err);
    }

    [Theory]
    [InlineData("n_random=abc", "allowed: a whole number >= 1")]
    [InlineData("n_random=0", "allowed: a whole number >= 1")]
    [InlineData("seed=-1", "allowed: a whole number from 0")]
    [InlineData("dilution_range=big", "allowed: a number >= 1")]
    [InlineData("offline=yes", "allowed: true or false")]
    public async Task Bad_param_values_are_refused(string kv, string allowed) =>
        Assert.Contains(allowed, await Refused("--param", kv));

    [Fact]
    public async Task Stages_that_do_not_exist_are_refused()
    {
        Assert.Contains("there is no stage 07 (stages: 01, 02)", await Refused("--only", "02,07"));
        Assert.Contains("'x' is not a stage number", await Refused("--only", "x"));
    }

    [Theory]
    [InlineData("--timeout-seconds", "abc")]
    [InlineData("--timeout-seconds", "-1")]
    [InlineData("--param", "novalue")]
    [InlineData("stray")]
    public async Task Malformed_arguments_are_refused(params string[] args) => await Refused(args);

    [Fact]
    public async Task Same_param_twice_is_refused() =>
        Assert.Contains("given 2 times", await Refused("--param", "seed=1", "--param", "seed=2"));

    [Fact]
    public void Booleans_and_choices_are_case_insensitive_and_stored_in_canonical_form()
    {
        var o = CommandLine.Parse(_w.Args("--param", "offline=TRUE", "--param", "gmt=Corrected", "--param", "n_random=0100"))!;
        Assert.Equal("true", o.Parameters["offline"]);
        Assert.Equal("corrected", o.Parameters["gmt"]);
        Assert.Equal("100", o.Parameters["n_random"]);
    }

    [Fact]
    public void Help_lists_every_option_and_parameter_key()
    {
        var help = new StringWriter();
        Assert.Null(CommandLine.Parse(["--help"], help));
        foreach (var text in new[] { "--only", "--param", "--data-mirror", "n_random", "robustness_bootstrap" }) Assert.Contains(text, help.ToString());
    }
}
