extern alias applymodel;
using applymodel::OrganoidBiomarkers.ApplyModel;
using OrganoidBiomarkers.Tests.Runner;
using Xunit;

namespace OrganoidBiomarkers.Tests.EntryPoints;

/// <summary>
/// scripts/apply-model under a careless user: every mistake is refused in one line naming the option, the value, what
/// is allowed and a near match, with the exit code of its class; nothing is written, nothing silently substituted.
/// </summary>
public sealed class ApplyModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("apply-").FullName;
    private readonly string _models, _gmt, _matrix;

    public ApplyModelCommandTests()
    {
        _models = Write("models.tsv", "drug\tselection\tgmt\tmodel\tpathway\tcoef\trank\n"
            + "FLUOROURACIL\tauthors\tcorrected\tridgecv\tS1\t1.5\t1\nFLUOROURACIL\tauthors\tcorrected\tridgecv\tS2\t-0.5\t2\n"
            + "CISPLATIN\tauthors\tcorrected\tridgecv\tS2\t0.7\t1\n");
        _gmt = Write("sets.gmt", "S1\tG1\tG2\nS2\tG5\tG6\n");
        _matrix = Write("matrix.tsv", "gene\ts1\ts2\ts3\ts4\nG1\t1\t2\t9\t8\nG2\t2\t1\t8\t9\nG3\t5\t5\t5\t5\nG4\t4\t4\t4\t4\nG5\t9\t3\t1\t2\nG6\t8\t4\t2\t1\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = ApplyModelCommand.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string[] Base(params string[] extra) => ["--expression", _matrix, "--models", _models, "--gmt", _gmt, .. extra];

    private string Refused(int code, params string[] args)
    {
        var r = Run(args);
        Assert.Equal(code, r.Code);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.Err.Trim().Split('\n'), l => l.StartsWith("apply-model:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Err);
        return line;
    }

    [Fact]
    public void Applies_the_chosen_model()
    {
        var (code, output, _) = Run(Base("--drug", "fluorouracil", "--k", "2"));
        Assert.Equal(0, code);
        Assert.StartsWith("sample\tscore\tgroup\tbiomarkers\n", output);
        Assert.Contains("1:S1:1.5;2:S2:-0.5", output);
    }

    [Fact]
    public void A_mistyped_option_is_refused_not_ignored() =>
        Assert.Contains("unknown option '--Drug'; did you mean --drug?", Refused(2, Base("--Drug", "CISPLATIN")));

    [Fact]
    public void A_drug_models_tsv_does_not_hold_is_refused_with_the_near_match()
    {
        var line = Refused(2, Base("--drug", "CISPLATN"));
        Assert.Contains("allowed here: CISPLATIN, FLUOROURACIL", line);
        Assert.Contains("did you mean --drug CISPLATIN?", line);
    }

    [Fact]
    public void Choices_are_case_insensitive_and_unknown_ones_are_named()
    {
        Assert.Equal(0, Run(Base("--scale", "LINEAR")).Code);
        var line = Refused(2, Base("--duplicates", "avg"));
        Assert.Contains("--duplicates avg: unknown choice (allowed: fail, mean, median, first, drop)", line);
    }

    [Theory]
    [InlineData("--k", "two", "--k two: not allowed (allowed: a whole number >= 1)")]
    [InlineData("--k", "0", "--k 0: not allowed")]
    public void Bad_numbers_are_refused(string option, string value, string expected) =>
        Assert.Contains(expected, Refused(2, Base(option, value)));

    [Fact]
    public void A_missing_matrix_is_missing_data() =>
        Assert.Contains("no such file", Refused(4, "--expression", Path.Combine(_dir, "nope.tsv"), "--models", _models, "--gmt", _gmt));

    [Fact]
    public void A_truncated_models_file_is_bad_input_naming_it()
    {
        var cut = Write("cut_models.tsv", File.ReadAllText(_models)[..60]);
        var line = Refused(3, "--expression", _matrix, "--models", cut, "--gmt", _gmt);
        Assert.Contains("cut_models.tsv", line);
    }

    [Fact]
    public void A_comma_separated_matrix_named_tsv_is_named_as_such()
    {
        var csv = Write("commas.tsv", File.ReadAllText(_matrix).Replace('\t', ','));
        Assert.Contains("evidently comma-separated", Refused(3, "--expression", csv, "--models", _models, "--gmt", _gmt));
    }

    [Fact]
    public void An_all_zero_matrix_is_refused_not_twenty_responders_of_twenty()
    {
        var zeros = Write("zeros.tsv", "gene\ts1\ts2\ts3\ts4\n" + string.Concat(Enumerable.Range(1, 6).Select(g => $"G{g}\t0\t0\t0\t0\n")));
        Assert.Contains("no gene varies across the 4 samples", Refused(3, "--expression", zeros, "--models", _models, "--gmt", _gmt));
    }

    [RootFact]
    public void An_unwritable_output_is_an_I_O_error_and_leaves_no_partial_file()
    {
        using var disk = new TmpfsMount("1m", readOnly: true);
        var line = Refused(5, Base("--out", Path.Combine(disk.Path, "out.tsv")));
        Assert.Contains("Fix:", line);
        Assert.Empty(Directory.GetFiles(disk.Path));
    }
}
