using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
#if NOTEBOOK_RUNNER
using OrganoidBiomarkers.NotebookRunner;
#else
using OrganoidBiomarkers.Pipeline;
#endif

namespace OrganoidBiomarkers.Cli;

/// <summary>
/// A strict command line on System.CommandLine: unknown options, stray arguments, bad numbers and unknown choices are
/// refused before any work with one line naming the option, the value, what is allowed and a near match ("did you mean
/// --drug?"). Choices are case-insensitive and come back in their listed spelling. No response files (@file).
/// </summary>
internal sealed class StrictCommandLine
{
    private readonly string _tool;
    private readonly RootCommand _root;

    public StrictCommandLine(string tool, string description)
    {
        _tool = tool;
        _root = new RootCommand(description);
    }

    /// <summary>A free-text option (a path, a name).</summary>
    public Option<string?> Text(string name, string description, string? defaultValue = null, bool required = false)
    {
        var o = new Option<string?>(name) { Description = description, Required = required };
        if (defaultValue is not null) o.DefaultValueFactory = _ => defaultValue;
        o.Validators.Add(r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (t is not null && t.StartsWith("--", StringComparison.Ordinal)) r.AddError($"{name} needs a value, got the option '{t}'");
        });
        return Add(o);
    }

    /// <summary>A whole-number option within [min, max].</summary>
    public Option<int> Integer(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var o = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var t = r.Tokens[^1].Value;
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return (int)v;
                r.AddError($"{name} {t}: not allowed (allowed: {Range(min, max)})");
                return defaultValue;
            },
        };
        return Add(o);
    }

    /// <summary>One of <paramref name="choices"/>, case-insensitive; returned in the listed spelling.</summary>
    public Option<string> Choice(string name, string description, string defaultValue, params string[] choices)
    {
        var o = new Option<string>(name)
        {
            Description = $"{description} ({string.Join(" | ", choices)}; default {defaultValue})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var t = r.Tokens[^1].Value;
                var match = choices.FirstOrDefault(c => c.Equals(t, StringComparison.OrdinalIgnoreCase));
                if (match is not null) return match;
                var near = NearMatch.Suggest(t, choices);
                r.AddError($"{name} {t}: unknown choice (allowed: {string.Join(", ", choices)}){(near is null ? "" : $"; did you mean {name} {near}?")}");
                return defaultValue;
            },
        };
        o.HelpName = string.Join("|", choices);
        return Add(o);
    }

    /// <summary>A repeatable option (each occurrence one value).</summary>
    public Option<string[]> Repeated(string name, string description)
    {
        var o = new Option<string[]>(name) { Description = description, DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = false };
        return Add(o);
    }

    /// <summary>An on/off switch.</summary>
    public Option<bool> Flag(string name, string description) => Add(new Option<bool>(name) { Description = description });

    /// <summary>Positional words, each one of <paramref name="choices"/>.</summary>
    public Argument<string[]> Words(string name, string description, IReadOnlyList<string> choices)
    {
        var a = new Argument<string[]>(name) { Description = $"{description} ({string.Join(", ", choices)})", Arity = ArgumentArity.ZeroOrMore };
        a.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Select(x => x.Value))
                if (t.StartsWith('-'))
                {
                    var options = _root.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                    var near = NearMatch.Suggest(t.Split('=')[0], options);
                    r.AddError($"unknown option '{t.Split('=')[0]}'{(near is null ? "" : $"; did you mean {near}?")} (options: {string.Join(", ", options)})");
                }
                else if (!choices.Contains(t, StringComparer.Ordinal))
                {
                    var near = NearMatch.Suggest(t, choices.Concat(_root.Options.Select(o => o.Name)));
                    r.AddError($"'{t}': unknown {name} (allowed: {string.Join(", ", choices)}){(near is null ? "" : $"; did you mean {near}?")}");
                }
        });
        _root.Arguments.Add(a);
        return a;
    }

    private T Add<T>(T option) where T : Option
    {
        _root.Options.Add(option);
        return option;
    }

    /// <summary>
    /// Parses <paramref name="args"/>. Returns the result, or null after printing help (--help, -h). Throws
    /// <see cref="UsageException"/> with one line for anything it refuses.
    /// </summary>
    public ParseResult? Parse(string[] args, TextWriter output)
    {
        var result = _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is HelpAction)
        {
            result.Invoke(new InvocationConfiguration { Output = output });
            return null;
        }
        if (result.Errors.Count == 0) return result;
        var names = _root.Options.Select(o => o.Name).Concat(_root.Options.SelectMany(o => o.Aliases)).Distinct().ToList();
        var unknown = result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-'));
        string message;
        if (unknown is not null)
        {
            string bare = unknown.Split('=')[0];
            var near = NearMatch.Suggest(bare, names.Where(n => n.StartsWith("--", StringComparison.Ordinal)));
            message = $"unknown option '{bare}'" + (near is null ? "" : $"; did you mean {near}?") + $" (options: {string.Join(", ", names.Where(n => n.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal))})";
        }
        else if (result.UnmatchedTokens.Count > 0)
            message = $"unexpected argument '{result.UnmatchedTokens[0]}' (every value follows its option, e.g. --k 3)";
        else
            message = result.Errors[0].Message.Replace("\n", " ").Replace("\t", "");
        throw new UsageException($"{message}. Fix: correct the command line; {_tool} --help lists every option");
    }

    private static string Range(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "a whole number",
        (_, int.MaxValue) => $"a whole number >= {min}",
        _ => $"a whole number from {min} to {max}",
    };
}
