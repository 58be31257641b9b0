using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// Golden results for the standard catalogue: every case for 100 participants from 2026-01-01 with the
/// built-in parameters, and again from 2017-01-01 (the bonus years). Besides the differences, each future's
/// yearly net is kept, so that a rule paid alike in both futures (the basic grant) is locked too.
/// A regression lock (the independent checks are the hand-computed cases): a change here must come with a
/// reason, a new EngineInfo.EngineVersion and a regenerated file (set UPDATE_GOLDEN=1 and run this test;
/// the file is written to the source folder).
/// </summary>
public sealed class GoldenCatalogueTests
{
    private static readonly string GoldenPath = Path.Combine(SourceFolder(), "Golden", "catalogue-2026.json");

    [Fact]
    public void The_standard_catalogue_gives_its_golden_results()
    {
        var actual = new JsonObject { ["engineVersion"] = EngineInfo.EngineVersion };
        foreach (var definition in CaseCatalogue.Standard.Cases)
        {
            actual[definition.Id] = Golden(definition.Id, TestData.Start2026);
        }

        var from2017 = new JsonObject();
        foreach (var definition in CaseCatalogue.Standard.Cases)
        {
            from2017[definition.Id] = Golden(definition.Id, new DateOnly(2017, 1, 1));
        }

        actual["from2017"] = from2017;
        var text = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, text);
        }

        Assert.True(File.Exists(GoldenPath), $"Golden file missing: {GoldenPath}");
        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), text);
    }

    private static JsonObject Golden(string caseId, DateOnly start)
    {
        var result = TestData.Evaluate(new ScenarioRequest { MunicipalityCode = "851", CaseId = caseId, Participants = 100, StartDate = start });
        var k = result.Kpis;
        return new JsonObject
        {
            ["netByYear"] = new JsonArray([.. result.Years.Select(y => JsonValue.Create(y.Difference.Net.ToString(CultureInfo.InvariantCulture)))]),
            ["baselineNetByYear"] = new JsonArray([.. result.Years.Select(y => JsonValue.Create(y.Baseline.Net.ToString(CultureInfo.InvariantCulture)))]),
            ["bonusByYear"] = new JsonArray([.. result.Years.Select(y => JsonValue.Create(y.Difference.Bonus.ToString(CultureInfo.InvariantCulture)))]),
            ["investmentTotal"] = k.InvestmentTotal.ToString(CultureInfo.InvariantCulture),
            ["netEffectTotal"] = k.NetEffectTotal.ToString(CultureInfo.InvariantCulture),
            ["npv"] = k.Npv.ToString(CultureInfo.InvariantCulture),
            ["returnPerKrone"] = k.ReturnPerKrone?.ToString("F9", CultureInfo.InvariantCulture), // ratios: 9 decimals, not the last binary digit
            ["paybackMonth"] = k.PaybackMonth,
            ["breakEvenEffectMultiplier"] = k.BreakEvenEffectMultiplier?.ToString("F6", CultureInfo.InvariantCulture),
            ["benefitMonthsSaved"] = k.BenefitMonthsSaved.ToString("F6", CultureInfo.InvariantCulture),
        };
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
