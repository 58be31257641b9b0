using System.Text.RegularExpressions;
using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The engine reads like the method (issue 10, section 4): short methods, and each rule's parameters read in
/// one place. These read the engine's source files next to this test project.
/// </summary>
public sealed partial class EngineShapeTests
{
    private const int LongestMethod = 60;

    private static readonly string EngineFolder =
        Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "src", "IntegrationCases.Engine"));

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(EngineFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_engine_method_is_longer_than_sixty_lines()
    {
        var files = SourceFiles().ToList();
        Assert.NotEmpty(files);
        var tooLong = files.SelectMany(f => MethodLengths(f).Where(m => m.Lines > LongestMethod).Select(m => $"{Path.GetFileName(f)}: {m.Signature} ({m.Lines} lines)")).ToList();
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void The_method_length_check_counts_a_long_method()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["internal static class X", "{", "    public static int Long(int a)", "    {", .. Enumerable.Repeat("        a++;", 70), "        return a;", "    }", "}"]);
            Assert.Equal(74, Assert.Single(MethodLengths(path)).Lines); // signature, braces, 71 statements
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_parameter_the_engine_reads_by_name_is_read_in_one_file()
    {
        var texts = SourceFiles().ToDictionary(f => Path.GetRelativePath(EngineFolder, f), File.ReadAllText);
        foreach (var series in ParameterStore.Default.Series)
        {
            var readers = texts.Where(t => t.Value.Contains($"\"{series.Id}\"", StringComparison.Ordinal)).Select(t => t.Key).ToList();
            Assert.True(readers.Count <= 1, $"{series.Id} is read in {string.Join(", ", readers)}");
        }

        Assert.Equal(["Rules/Resultattilskud.cs"], texts.Where(t => t.Value.Contains("\"resultattilskud.job_uddannelse.", StringComparison.Ordinal)).Select(t => t.Key.Replace('\\', '/')));
    }

    /// <summary>
    /// A member body: a line that is only '{' after a signature ending in ')' (not a control statement), to
    /// the '}' at the same indentation; counted from the signature's first line to that brace.
    /// </summary>
    private static IEnumerable<(string Signature, int Lines)> MethodLengths(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 1; i < lines.Length; i++)
        {
            var open = OpenBrace().Match(lines[i]);
            var signature = lines[i - 1].Trim();
            if (!open.Success || !signature.EndsWith(')') || ControlStatement().IsMatch(signature))
            {
                continue;
            }

            // A signature that runs over several lines continues deeper than its first line.
            var indent = open.Groups[1].Value;
            var first = i - 1;
            while (first > 0 && lines[first].Length > indent.Length && char.IsWhiteSpace(lines[first][indent.Length]))
            {
                first--;
            }

            if (TypeOrField().IsMatch(lines[first]))
            {
                continue;
            }

            var close = Array.FindIndex(lines, i + 1, l => l == indent + "}");
            if (close > 0)
            {
                yield return (lines[first].Trim(), close - first + 1);
            }
        }
    }

    [GeneratedRegex(@"^(\s*)\{\s*$")]
    private static partial Regex OpenBrace();

    [GeneratedRegex(@"^(if|else|for|foreach|while|switch|using|catch|lock|fixed|do|try)\b|=>|^\}")]
    private static partial Regex ControlStatement();

    /// <summary>A type with a primary constructor, or a field with an initializer: not a method.</summary>
    [GeneratedRegex(@"\b(class|record|struct|interface)\b| = ")]
    private static partial Regex TypeOrField();

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
