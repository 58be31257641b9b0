using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Cli.Tests;

/// <summary>The uncertainty request and response JSON of docs/api.md: strict with field paths, and deterministic bytes.</summary>
public sealed class UncertaintyJsonTests
{
    public const string Scenario = """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01", "participants": 40 }""";

    /// <summary>The response of issue 12 as its text shows it, with "same keys" written out.</summary>
    private const string IssueShape = """
        { "base": { "netEffectTotal": 0.0, "npv": 0.0 },
          "tornado": [ { "factor": "effectMultiplier",
                         "low":  { "value": 0.5, "netEffectTotal": 0.0 },
                         "high": { "value": 1.5, "netEffectTotal": 0.0 } } ],
          "monteCarlo": { "draws": 2000, "seed": 1,
                          "netEffectTotal": { "p5": 0.0, "p10": 0.0, "p50": 0.0, "p90": 0.0, "p95": 0.0, "mean": 0.0 },
                          "npv": { "p5": 0.0, "p10": 0.0, "p50": 0.0, "p90": 0.0, "p95": 0.0, "mean": 0.0 },
                          "probabilityNetPositive": 0.0, "paybackWithinHorizonShare": 0.0,
                          "histogram": [ { "from": 0.0, "to": 0.0, "count": 0 } ] } }
        """;

    private static EvaluationContext Context() => EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2027, 1, 1));

    private static byte[] Answer(string requestJson)
    {
        var parsed = UncertaintyJson.Parse(Encoding.UTF8.GetBytes(requestJson));
        Assert.True(parsed.Request is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var outcome = UncertaintyAnalysis.Analyse(parsed.Request, Context());
        Assert.True(outcome.Result is not null, string.Join("; ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return UncertaintyJson.SerializeResult(outcome.Result);
    }

    /// <summary>Every property path with the kind of its value, arrays by their first element.</summary>
    private static List<string> Shape(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return [.. element.EnumerateObject().SelectMany(p => Shape(p.Value, $"{path}.{p.Name}").Prepend($"{path}.{p.Name}"))];
            case JsonValueKind.Array:
                return [$"{path}[]", .. Shape(element.EnumerateArray().First(), $"{path}[]")];
            default:
                return [$"{path}: {element.ValueKind}"];
        }
    }

    [Fact]
    public void The_response_has_exactly_the_property_names_and_nesting_of_the_issue()
    {
        using var expected = JsonDocument.Parse(IssueShape);
        using var actual = JsonDocument.Parse(Answer($$"""{ "scenario": {{Scenario}}, "draws": 50 }"""));

        Assert.Equal(Shape(expected.RootElement), Shape(actual.RootElement));
        Assert.Equal(4, actual.RootElement.GetProperty("tornado").GetArrayLength());
        Assert.Equal(20, actual.RootElement.GetProperty("monteCarlo").GetProperty("histogram").GetArrayLength());
    }

    [Fact]
    public void Money_is_written_with_two_decimals()
    {
        var text = Encoding.UTF8.GetString(Answer($$"""{ "scenario": {{Scenario}}, "draws": 10 }"""));

        Assert.Matches("\"netEffectTotal\": -?[0-9]+\\.[0-9]{2},", text);
        Assert.Matches("\"p50\": -?[0-9]+\\.[0-9]{2},", text);
    }

    [Fact]
    public void The_same_request_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var request = $$"""{ "scenario": {{Scenario}}, "draws": 300, "seed": 42 }""";

        var first = Answer(request);

        Assert.Equal(first, Answer(request));
        Assert.NotEqual(first, Answer(request.Replace("42", "43", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_left_out_draws_and_seed_are_the_defaults_and_are_echoed()
    {
        using var doc = JsonDocument.Parse(Answer($$"""{ "scenario": {{Scenario}}, "ranges": null, "seed": null }"""));

        var mc = doc.RootElement.GetProperty("monteCarlo");
        Assert.Equal(UncertaintyRequest.DefaultDraws, mc.GetProperty("draws").GetInt32());
        Assert.Equal(UncertaintyRequest.DefaultSeed, mc.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void The_largest_64_bit_seed_is_read_and_echoed_exactly_and_twelve_point_zero_draws_count_as_twelve()
    {
        var text = Encoding.UTF8.GetString(Answer($$"""{ "scenario": {{Scenario}}, "draws": 12.0, "seed": 18446744073709551615 }"""));

        Assert.Contains("\"seed\": 18446744073709551615", text, StringComparison.Ordinal);
        Assert.Contains("\"draws\": 12,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_in_the_request_replace_the_case_s_and_an_end_left_out_keeps_the_case_s()
    {
        using var doc = JsonDocument.Parse(Answer($$"""{ "scenario": {{Scenario}}, "draws": 5, "ranges": { "costMultiplier": { "low": 0.7 }, "earningsMultiplier": { "low": 0.95, "high": 1.05 } } }"""));

        var tornado = doc.RootElement.GetProperty("tornado").EnumerateArray().ToDictionary(e => e.GetProperty("factor").GetString()!);
        Assert.Equal(0.7, tornado["costMultiplier"].GetProperty("low").GetProperty("value").GetDouble());
        Assert.Equal(1.3, tornado["costMultiplier"].GetProperty("high").GetProperty("value").GetDouble());
        Assert.Equal(1.05, tornado["earningsMultiplier"].GetProperty("high").GetProperty("value").GetDouble());
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { """{ "scenario": SCENARIO, "drawz": 10 }""", "drawz", "Ukendt felt" },
        { """{ "scenario": SCENARIO, "ranges": { "costMultiplierr": { "low": 0.9 } } }""", "ranges.costMultiplierr", "Ukendt felt" },
        { """{ "scenario": SCENARIO, "ranges": { "costMultiplier": { "mode": 1 } } }""", "ranges.costMultiplier.mode", "Ukendt felt" },
        { """{ "scenario": SCENARIO, "ranges": { "costMultiplier": { "low": "0,9" } } }""", "ranges.costMultiplier.low", "Forventede et tal" },
        { """{ "scenario": SCENARIO, "ranges": { "costMultiplier": [0.9, 1.3] } }""", "ranges.costMultiplier", "JSON-objekt" },
        { """{ "scenario": SCENARIO, "ranges": 5 }""", "ranges", "JSON-objekt" },
        { """{ "scenario": SCENARIO, "draws": 1.5 }""", "draws", "helt tal" },
        { """{ "scenario": SCENARIO, "seed": -1 }""", "seed", "fra 0 til" },
        { """{ "scenario": SCENARIO, "seed": "1" }""", "seed", "helt tal" },
        { """{ "scenario": SCENARIO, "draws": 10, "draws": 20 }""", "draws", "mere end én gang" },
        { """{ "draws": 10 }""", "scenario", "skal angives" },
        { """{ "scenario": [1] }""", "scenario", "JSON-objekt" },
        { """{ "scenario": { "municipalityCode": "851", "caseId": "NY-JOB-30", "participantz": 4 } }""", "scenario.participantz", "Ukendt felt" },
        { """{ "scenario": { "municipalityCode": "851", "caseId": "NY-JOB-30", "horizonYears": "fem" } }""", "scenario.horizonYears", "Forventede et tal" },
        { """{ "scenario": { "caseId": "NY-JOB-30" } }""", "scenario.municipalityCode", "skal angives" },
        { """{ "scenario": SCENARIO, """, "", "ikke gyldig JSON" },
        { "   ", "", "tom" },
        { "[1, 2]", "", "JSON-objekt" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_malformed_request_is_rejected_with_the_field_path(string json, string path, string messagePart)
    {
        var parsed = UncertaintyJson.Parse(Encoding.UTF8.GetBytes(json.Replace("SCENARIO", Scenario, StringComparison.Ordinal)));

        Assert.Null(parsed.Request);
        var error = Assert.Single(parsed.Errors, e => e.Path == path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_scenario_is_read_as_a_request_with_its_errors_under_scenario()
    {
        Assert.False(UncertaintyJson.IsRequest(Encoding.UTF8.GetBytes(Scenario)));
        Assert.True(UncertaintyJson.IsRequest(Encoding.UTF8.GetBytes($$"""{ "draws": 3, "scenario": {{Scenario}} }""")));
        Assert.NotNull(UncertaintyJson.ParseScenario(Encoding.UTF8.GetBytes(Scenario)).Request);

        var bad = UncertaintyJson.ParseScenario("""{ "municipalityCode": "851", "caseId": "NY-JOB-30", "horizonYears": 2.5 }"""u8);

        Assert.Equal("scenario.horizonYears", Assert.Single(bad.Errors).Path);
    }
}
