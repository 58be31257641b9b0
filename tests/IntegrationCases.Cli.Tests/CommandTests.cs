using System.CommandLine;
using System.Text;
using System.Text.Json;
using IntegrationCases.Cli.Commands;

namespace IntegrationCases.Cli.Tests;

/// <summary>The engine's commands run through System.CommandLine with captured output, against real files.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("engine-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(EvaluateCommand.Create(TimeProvider.System));
        root.Subcommands.Add(ParametersCommand.Create(TimeProvider.System));
        root.Subcommands.Add(CasesCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Scenario = """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01", "participants": 40 }""";

    [Fact]
    public void Evaluate_prints_the_result_json_and_exits_zero()
    {
        var (exit, output, error) = Invoke("evaluate", "--scenario", Write("s.json", Scenario));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("NY-JOB-30", json.RootElement.GetProperty("caseId").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("years").GetArrayLength());
    }

    [Fact]
    public void Evaluate_as_a_table_is_a_readable_danish_table()
    {
        var (exit, output, _) = Invoke("evaluate", "--scenario", Write("s.json", Scenario), "--format", "table");
        Assert.Equal(0, exit);
        Assert.Contains("Forsørgelsesydelse", output, StringComparison.Ordinal);
        Assert.Contains("Gevinst pr. investeret krone", output, StringComparison.Ordinal);
        Assert.Contains("Udligning og generelle tilskud", output, StringComparison.Ordinal);
        Assert.Matches(@"Investering i alt\s+1\.297\.801,71", output);
    }

    [Fact]
    public void Evaluate_as_a_table_shows_the_participants_of_a_scenario_without_a_plan()
    {
        var (exit, output, _) = Invoke("evaluate", "--scenario", Write("s.json", Scenario), "--format", "table");
        Assert.Equal(0, exit);
        Assert.Contains("Deltagere: 40,0 fuldtidspersoner, der starter 2026-01-01.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilgangsplan", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_as_a_table_shows_an_intake_plan_cohort_by_cohort_and_year_by_year()
    {
        const string plan = """
            { "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2027-01-01", "horizonYears": 3,
              "cohorts": [ { "startDate": "2028-01-01", "participants": 35 }, { "startDate": "2027-01-01", "participants": 40 },
                           { "startDate": "2027-07-01", "participants": 12.5 } ] }
            """;
        var (exit, output, error) = Invoke("evaluate", "--scenario", Write("plan.json", plan), "--format", "table");
        Assert.True(exit == 0, error);

        Assert.Matches(@"Hold 1\s+2027-01-01\s+1\s+40,0", output);
        Assert.Matches(@"Hold 2\s+2027-07-01\s+1\s+12,5", output);
        Assert.Matches(@"Hold 3\s+2028-01-01\s+2\s+35,0", output);
        Assert.Matches(@"I alt\s+87,5", output);
        Assert.Matches(@"Tilgang pr\. år\s+År 1 \(2027-01\)\s+År 2 \(2028-01\)\s+År 3 \(2029-01\)", output);
        Assert.Matches(@"Personer, der starter\s+52,5\s+35,0\s+0,0", output);
        Assert.Matches(@"Hold, der starter\s+2\s+1\s+0", output);
    }

    [Fact]
    public void A_rejected_scenario_exits_two_with_path_and_message_on_standard_error()
    {
        var (exit, output, error) = Invoke("evaluate", "--scenario", Write("bad.json", """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "participants": 4, "horizonYears": 12, "discountRate": 0.5 }"""));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("horizonYears: Tidshorisonten 12 år er uden for det tilladte interval 1-10 år.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"municipalityCode\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"municipalityCode\": \"851\", \"caseId\": \"NY-JOB-30\", \"foo\": 1 }")]
    [InlineData("{ \"municipalityCode\": \"851\", \"caseId\": \"NY-JOB-30\", \"participants\": 4, \"baseline\": { \"selfSupportShareByYear\": [0.9, 0.1, 0.1, 0.1, 0.1] } }")]
    public void Bad_input_exits_two_without_a_stack_trace(string content)
    {
        var (exit, _, error) = Invoke("evaluate", "--scenario", Write("bad.json", content));
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Matches(@"^[^\n]*: ", error);
    }

    [Fact]
    public void A_missing_scenario_file_exits_two()
    {
        var (exit, _, error) = Invoke("evaluate", "--scenario", Path.Combine(folder, "nope.json"));
        Assert.Equal(2, exit);
        Assert.Contains("findes ikke", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_scenario_file_is_refused()
    {
        var path = Path.Combine(folder, "huge.json");
        File.WriteAllText(path, "{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        var (exit, _, error) = Invoke("evaluate", "--scenario", path);
        Assert.Equal(2, exit);
        Assert.Contains("KiB", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scenario_can_come_from_standard_input()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await EvaluateCommand.RunAsync("-", "json", null, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(Scenario)), new DateOnly(2027, 1, 1), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains("\"caseId\": \"NY-JOB-30\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_start_date_the_next_budget_year_is_used()
    {
        var output = new StringWriter();
        var exit = await EvaluateCommand.RunAsync("-", "json", null, output, new StringWriter(),
            () => new MemoryStream(Encoding.UTF8.GetBytes("""{ "municipalityCode": "851", "caseId": "IGU", "participants": 3 }""")), new DateOnly(2027, 1, 1), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains("\"startDate\": \"2027-01-01\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_lists_the_prices_in_force_on_a_date_with_their_source()
    {
        var (exit, output, _) = Invoke("parameters", "--date", "2017-06-01");
        Assert.Equal(0, exit);
        Assert.Matches(@"bonus\.ekstra_person\s+25000", output);
        Assert.Contains("Integrationsloven § 45 b", output, StringComparison.Ordinal);
        Assert.Matches(@"personfradrag\.aar\s+45000", output);
    }

    [Fact]
    public void Parameters_as_json_marks_estimates()
    {
        var (exit, output, _) = Invoke("parameters", "--date", "2026-01-01", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("isEstimate").GetBoolean());
    }

    [Fact]
    public void Parameters_without_a_date_lists_the_prices_of_the_budget_years_first_day_and_says_so()
    {
        var output = new StringWriter();
        var exit = ParametersCommand.Run(null, "table", output, new StringWriter(), new DateOnly(2028, 1, 1));
        Assert.Equal(0, exit);
        Assert.StartsWith("Enhedspriser og regler i kraft 2028-01-01 (budgetårets første dag;", output.ToString(), StringComparison.Ordinal);

        var dated = new StringWriter();
        ParametersCommand.Run("2017-06-01", "table", dated, new StringWriter(), new DateOnly(2028, 1, 1));
        Assert.StartsWith("Enhedspriser og regler i kraft 2017-06-01 (parametersæt", dated.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_with_a_bad_date_exits_two()
    {
        var (exit, _, error) = Invoke("parameters", "--date", "2026-02-30");
        Assert.Equal(2, exit);
        Assert.Contains("2026-02-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_lists_the_seven_cases_with_their_arguments()
    {
        var (exit, output, _) = Invoke("cases");
        Assert.Equal(0, exit);
        foreach (var id in new[] { "NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU" })
        {
            Assert.Contains(id + ":", output, StringComparison.Ordinal);
        }

        var (jsonExit, json, _) = Invoke("cases", "--format", "json");
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(7, document.RootElement.GetArrayLength());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        Assert.NotEqual(0, Invoke("evaluate", "--scenario", "x.json", "--format", "xml").Exit);
    }
}
