using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The comparison with the published 2017-18 figures in docs/cases.md: each row of the table between the
/// <c>sammenligning</c> markers names a published figure, a committed scenario under docs/comparisons/, what is
/// measured, our result and the ratio. These tests run every scenario through the engine and hold the documented
/// result to the øre and the ratio to three decimals, so the table cannot drift from the code or the catalogue.
/// </summary>
public sealed partial class ComparisonTableTests
{
    private const string StartMarker = "<!-- sammenligning:start -->";
    private const string EndMarker = "<!-- sammenligning:end -->";

    private static readonly JsonSerializerOptions ScenarioOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static TheoryData<string> RowIds => [.. Rows().Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RowIds))]
    public void Every_row_of_the_comparison_table_is_what_the_engine_computes_for_its_committed_scenario(string rowId)
    {
        var row = Rows().Single(r => r.Id == rowId);
        var result = Evaluate(ReadScenario(row.ScenarioFile));

        var ours = Measure(result, row.Measure);
        Assert.True(ours == row.DocumentedResult, $"Row {row.Id}: the engine gives {ours.ToString("N2", Danish)} kr., the table says {row.DocumentedResult.ToString("N2", Danish)} kr.");
        var ratio = Math.Round(ours / row.Published, 3, MidpointRounding.AwayFromZero);
        Assert.True(ratio == row.DocumentedRatio, $"Row {row.Id}: the ratio is {ratio.ToString("0.000", Danish)}, the table says {row.DocumentedRatio.ToString("0.000", Danish)}.");
    }

    [Fact]
    public void Every_committed_comparison_scenario_is_a_row_of_the_table_and_every_row_names_a_committed_scenario()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 9, $"The comparison table has {rows.Count} rows; expected the IGU steps, the municipal average, Mandag Morgen and the two bonus checks.");
        var committed = Directory.GetFiles(ComparisonsFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var named = rows.Select(r => r.ScenarioFile).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, named);
    }

    [Fact]
    public void The_2018_framing_reproduces_Aalborgs_published_IGU_gain_within_ten_percent_for_100_to_105_refugees()
    {
        // Politiken, January 2018: about 24 million kr. over the two-year IGU for 'godt 100' refugees in Aalborg.
        const decimal published = 24_000_000m;
        var result = Evaluate(ReadScenario("igu-aalborg-2018-ramme.json"));
        var perPerson = result.Kpis.NetEffectTotal / 100m;
        foreach (var refugees in new[] { 100m, 105m })
        {
            var ratio = perPerson / (published / refugees);
            Assert.InRange(ratio, 0.9m, 1.1m);
        }
    }

    [Fact]
    public void The_standard_IGU_case_from_2018_gives_less_than_the_framing_because_of_drop_out_and_deadweight_alone()
    {
        // The steps 1 -> 1a -> 1b -> 1c each add one assumption the 2018 example did not make; each must cost money.
        var steps = new[]
        {
            "igu-aalborg-2018-ramme.json", "igu-aalborg-2018-trin2-kommunale-udgifter.json",
            "igu-aalborg-2018-trin3-frafald.json", "igu-aalborg-2018-trin4-standardcasen.json",
        };
        var totals = steps.Select(s => Evaluate(ReadScenario(s)).Kpis.NetEffectTotal).ToList();
        for (var i = 1; i < totals.Count; i++)
        {
            Assert.True(totals[i] < totals[i - 1], $"{steps[i]} ({totals[i]}) should be below {steps[i - 1]} ({totals[i - 1]}).");
        }

        // Step 1c is the catalogue's IGU case with nothing but the start, the count and the 2017-18 IGU pay given.
        var standard = ReadScenario("igu-aalborg-2018-trin4-standardcasen.json");
        Assert.Null(standard.TargetGroup);
        Assert.Null(standard.Baseline);
        Assert.Null(standard.Investment);
        Assert.Null(standard.JobLossMonthlyProbability);
    }

    private static decimal Measure(ScenarioResult result, string measure)
    {
        var participants = (decimal)result.Cohorts.Sum(c => c.Participants);
        return measure switch
        {
            "nettoeffekt" => result.Kpis.NetEffectTotal,
            "nettoeffekt pr. deltager" => Math.Round(result.Kpis.NetEffectTotal / participants, 2, MidpointRounding.AwayFromZero),
            "år 2, netto pr. deltager" => Math.Round(result.Years[1].Difference.Net / participants, 2, MidpointRounding.AwayFromZero),
            "år 2, bonus" => result.Years[1].Difference.Bonus,
            _ => throw new InvalidOperationException($"Unknown measure '{measure}' in docs/cases.md; the tests know nettoeffekt, nettoeffekt pr. deltager, år 2, netto pr. deltager and år 2, bonus."),
        };
    }

    /// <summary>
    /// Evaluates as <c>evaluate</c> does without <c>--data</c>: the built-in parameter store and catalogue, and a
    /// municipality without facts (so the national average municipal tax rate).
    /// </summary>
    private static ScenarioResult Evaluate(ScenarioRequest request) =>
        TestData.Evaluate(request, TestData.Context(null, new MunicipalityFacts(request.MunicipalityCode, request.MunicipalityCode, new Dictionary<string, double>(), new Dictionary<int, double>())));

    private static ScenarioRequest ReadScenario(string file) =>
        JsonSerializer.Deserialize<ScenarioRequest>(File.ReadAllText(Path.Combine(ComparisonsFolder, file)), ScenarioOptions)
        ?? throw new InvalidOperationException($"{file} is empty.");

    private static List<Row> Rows()
    {
        var text = File.ReadAllText(CasesDocument);
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/cases.md has no table between {StartMarker} and {EndMarker}.");
        var rows = new List<Row>();
        foreach (var line in text[(start + StartMarker.Length)..end].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 7)
            {
                throw new InvalidOperationException($"A comparison row needs 7 cells: {line}");
            }

            if (cells[0] == "#" || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var scenario = ScenarioLink().Match(cells[3]);
            var measure = Code().Match(cells[4]);
            if (!scenario.Success || !measure.Success)
            {
                throw new InvalidOperationException($"Row {cells[0]} needs a link to comparisons/<file>.json and a measure in backticks: {line}");
            }

            rows.Add(new Row(cells[0], DanishNumber(cells[1]), scenario.Groups[1].Value, measure.Groups[1].Value, DanishNumber(cells[5]), DanishNumber(cells[6])));
        }

        return rows;
    }

    private static decimal DanishNumber(string cell) => decimal.Parse(cell, NumberStyles.Number, Danish);

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private static string CasesDocument => Path.Combine(RepositoryRoot(), "docs", "cases.md");

    private static string ComparisonsFolder => Path.Combine(RepositoryRoot(), "docs", "comparisons");

    [GeneratedRegex(@"\(comparisons/([A-Za-z0-9._-]+\.json)\)")]
    private static partial Regex ScenarioLink();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    private sealed record Row(string Id, decimal Published, string ScenarioFile, string Measure, decimal DocumentedResult, decimal DocumentedRatio);
}
