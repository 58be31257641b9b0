using System.Text;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Recompute;

/// <summary>The pure parts of a run: the inputs hash, the facts file, the CSV extract.</summary>
public sealed class RunPartsTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static readonly ManifestInput[] Inputs =
    [
        new("dst/PSKAT/2026.csv", "dst/PSKAT", "aa", 10, true),
        new("target-groups/a.csv", "target-groups", "bb", 20, true),
    ];

    [Fact]
    public void The_inputs_hash_ignores_rejected_files_and_the_order_inputs_are_listed_in()
    {
        var hash = RecomputeRun.InputsHash(Inputs, "p", Start);
        Assert.Equal(hash, RecomputeRun.InputsHash([.. Inputs.Reverse(), new("target-groups/bad.csv", "target-groups", "cc", 5, false)], "p", Start));
    }

    [Fact]
    public void The_inputs_hash_changes_with_any_accepted_content_the_parameters_or_the_start_date()
    {
        var hash = RecomputeRun.InputsHash(Inputs, "p", Start);
        Assert.NotEqual(hash, RecomputeRun.InputsHash([Inputs[0], Inputs[1] with { ContentHash = "bc" }], "p", Start));
        Assert.NotEqual(hash, RecomputeRun.InputsHash(Inputs, "q", Start));
        Assert.NotEqual(hash, RecomputeRun.InputsHash(Inputs, "p", Start.AddYears(1)));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Municipality_facts_round_trip_through_their_JSON_file()
    {
        var facts = new Dictionary<string, MunicipalityFacts>
        {
            ["851"] = new("851", "Aalborg", new Dictionary<string, double> { ["NY-JOB-30"] = 123.5 }, new Dictionary<int, double> { [2026] = 0.2563 }),
            ["101"] = new("101", "København", new Dictionary<string, double>(), new Dictionary<int, double>()),
        };
        var back = MunicipalityFactsJson.Parse(MunicipalityFactsJson.Serialize(facts));
        Assert.Equal(["101", "851"], back.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(123.5, back["851"].TargetGroupPersonsByCase["NY-JOB-30"]);
        Assert.Equal(0.2563, back["851"].KommuneskatRateByYear[2026]);
        Assert.StartsWith("{", Encoding.UTF8.GetString(MunicipalityFactsJson.Serialize(facts)).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_CSV_extract_is_Danish_UTF8_with_BOM_semicolons_and_decimal_commas_and_quotes_awkward_names()
    {
        MunicipalityRegister.Default.TryGetByCode("851", out var aalborg);
        var scenarios = SampleMart.Scenarios.Select(s => s.ScenarioId == "municipal-851-mentor" ? s with { Name = "Mentor; \"særlig\"" } : s).ToList();
        var extract = new MunicipalityExtract(aalborg, "run", Start, "p", "1.0.0",
            new MunicipalityFacts("851", "Aalborg", new Dictionary<string, double>(), new Dictionary<int, double>()),
            CaseCatalogue.Standard, scenarios, [.. SampleMart.Cases().Where(c => c.Result.MunicipalityCode == "851")]);

        var bytes = CsvExtractWriter.Write(extract);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', CsvExtractWriter.Header), lines[0]);
        Assert.Contains(lines, l => l.Contains(";-123456,78;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"Mentor; \"\"særlig\"\"\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal));
        Assert.Equal(bytes, CsvExtractWriter.Write(extract));
    }

    [Theory]
    [InlineData("  dst/PSKAT/a.csv ", "dst/PSKAT/a.csv")]
    [InlineData("runs/abc/x.parquet", "runs/abc/x.parquet")]
    public void Storage_paths_are_trimmed_and_kept_as_given(string path, string expected) =>
        Assert.Equal(expected, Pipeline.Storage.StoragePath.Normalise(path));
}
