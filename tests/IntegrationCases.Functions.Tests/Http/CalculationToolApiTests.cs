using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Pipeline.Http;

namespace IntegrationCases.Functions.Tests.Http;

/// <summary>
/// What the calculation tool needs of the API beyond evaluate: the cases' defaults with their reasons, and a
/// scenario's result as a workbook. Through the serve host on loopback.
/// </summary>
public sealed class CalculationToolApiTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    private static readonly string[] ScenarioGroups = ["targetGroup", "baseline", "investment", "inJobSupport", "danishTest"];

    public static TheoryData<string> CaseIds() => new(["NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU"]);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task A_case_sent_back_with_all_its_listed_defaults_gives_exactly_the_result_of_leaving_them_out(string caseId)
    {
        var definition = (await CasesAsync()).Single(c => c!["caseId"]!.GetValue<string>() == caseId)!;
        var defaults = definition["defaults"]!.AsObject();
        var horizon = defaults["horizonYears"]!.GetValue<int>();

        var explicitScenario = new JsonObject { ["municipalityCode"] = "851", ["caseId"] = caseId, ["startDate"] = "2026-01-01", ["participants"] = 40 };
        foreach (var (name, value) in defaults)
        {
            explicitScenario[name] = value!.DeepClone();
        }

        // The trajectories hold ten years and the durations are the case's own: a scenario takes what its horizon needs.
        Slice(explicitScenario["baseline"]!["selfSupportShareByYear"]!.AsArray(), horizon);
        Slice(explicitScenario["investment"]!["extraSelfSupportShareByYear"]!.AsArray(), horizon);
        explicitScenario["investment"]!["durationMonths"] = Math.Min(explicitScenario["investment"]!["durationMonths"]!.GetValue<int>(), 12 * horizon);
        explicitScenario["danishTest"]!["month"] = Math.Min(explicitScenario["danishTest"]!["month"]!.GetValue<int>(), 12 * horizon);
        foreach (var group in ScenarioGroups)
        {
            foreach (var (name, value) in explicitScenario[group]!.AsObject().ToList())
            {
                if (value is null)
                {
                    explicitScenario[group]!.AsObject().Remove(name); // null: the parameter store decides
                }
            }
        }

        var left = await EvaluateAsync($$"""{"municipalityCode":"851","caseId":"{{caseId}}","startDate":"2026-01-01","participants":40}""");
        var given = await EvaluateAsync(explicitScenario.ToJsonString());

        Assert.Equal(left, given);
    }

    [Fact]
    public async Task Every_reason_names_a_scenario_field_or_group_and_every_case_argues_its_main_defaults()
    {
        var fields = new HashSet<string>(StringComparer.Ordinal) { "participants", "horizonYears" };
        foreach (var c in await CasesAsync())
        {
            var defaults = c!["defaults"]!.AsObject();
            foreach (var (name, value) in defaults)
            {
                fields.Add(name);
                if (value is JsonObject group)
                {
                    fields.UnionWith(group.Select(p => $"{name}.{p.Key}"));
                }
            }

            var reasons = c["reasons"]!.AsObject();
            foreach (var path in new[] { "participants", "horizonYears", "monthlyEarnings", "baseline.selfSupportShareByYear", "investment.extraSelfSupportShareByYear", "investment", "danishTest" })
            {
                Assert.True(reasons.ContainsKey(path), $"{c["caseId"]} gives no reason for {path}.");
            }

            Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Value!.GetValue<string>())));
            var unknown = reasons.Select(r => r.Key).Where(k => !fields.Contains(k) && k != "resultattilskud").ToList();
            Assert.True(unknown.Count == 0, $"{c["caseId"]}: reasons for no field: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public async Task The_scenario_workbook_has_the_extract_sheets_and_the_figures_of_evaluate()
    {
        const string scenario = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01","participants":40}""";
        using var evaluated = JsonDocument.Parse(await EvaluateAsync(scenario));
        using var response = await server.Client.PostAsync(new Uri("/api/scenarios/extract.xlsx", UriKind.Relative), new StringContent(scenario, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiHandlers.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("scenarie-851-NY-JOB-30.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", "Usikkerhed"], workbook.Worksheets.Select(s => s.Name));
        var kpis = workbook.Worksheet("Nøgletal");
        Assert.Equal("Eget scenarie (beregningsværktøjet)", kpis.Cell(2, 1).GetString());
        Assert.Equal(40.0, kpis.Cell(2, 4).GetDouble());
        Assert.Equal(evaluated.RootElement.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal(), (decimal)kpis.Cell(2, 6).GetDouble());
        Assert.Equal(evaluated.RootElement.GetProperty("years")[0].GetProperty("difference").GetProperty("net").GetDecimal(), (decimal)workbook.Worksheet("Pengestrømme").Row(12).Cell(8).GetDouble());
    }

    [Fact]
    public async Task A_rejected_scenario_gets_no_workbook_but_the_problem_of_evaluate()
    {
        const string scenario = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":40,"horizonYears":3,"baseline":{"selfSupportShareByYear":[0.1,0.2,1.7]}}""";
        using var response = await server.Client.PostAsync(new Uri("/api/scenarios/extract.xlsx", UriKind.Relative), new StringContent(scenario, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("baseline.selfSupportShareByYear[2]", problem.Errors.Keys);
    }

    private static void Slice(JsonArray values, int count)
    {
        while (values.Count > count)
        {
            values.RemoveAt(values.Count - 1);
        }
    }

    private async Task<JsonArray> CasesAsync() =>
        JsonNode.Parse(await server.Client.GetStringAsync(new Uri("/api/cases", UriKind.Relative)))!.AsArray();

    private async Task<string> EvaluateAsync(string scenario)
    {
        using var response = await server.Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), new StringContent(scenario, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
