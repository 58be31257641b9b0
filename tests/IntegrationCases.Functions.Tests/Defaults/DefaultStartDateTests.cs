using System.CommandLine;
using System.Text;
using System.Text.Json;
using IntegrationCases.Cli;
using IntegrationCases.Cli.Serve;
using IntegrationCases.Functions.Http;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationCases.Functions.Tests.Defaults;

/// <summary>
/// METHOD.md section 2: a scenario without a start date starts on 1 January of the next year in Danish time,
/// read from one injected clock, the same in recompute, evaluate, parameters and both API hosts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DefaultStartDateTests(AzuriteFixture azurite) : IDisposable
{
    /// <summary>23:30 UTC on 31 December 2026 is 00:30 on 1 January 2027 in Copenhagen.</summary>
    private static readonly DateTimeOffset NewYearsEveUtc = new(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);

    /// <summary>The budget year after 2027. A host that took the year in UTC would say 2027-01-01.</summary>
    private const string BudgetYearStart = "2028-01-01";

    private const string WithoutStartDate = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":40}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("default-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task At_23_30_UTC_on_New_Years_Eve_recompute_evaluate_parameters_and_both_API_hosts_start_on_1_January_after_the_Danish_new_year()
    {
        var clock = new FakeTimeProvider(NewYearsEveUtc);
        Assert.NotEqual(BudgetYearStart, $"{NewYearsEveUtc.Year + 1}-01-01"); // the test tells Danish time from UTC

        // The command line, every command built with the same clock as Program.cs builds them.
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "inputs", "target-groups")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inputs, "egne-tal.csv"), "kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025M06;42,5;45;kommunens eget udtræk\n");
        var output = Path.Combine(_folder, "out");
        var (recomputeExit, recomputeText) = await CliAsync(clock, "recompute", "--inputs", Path.GetDirectoryName(inputs)!, "--out", output);
        Assert.True(recomputeExit == 0, recomputeText);
        var scenarioFile = Path.Combine(_folder, "scenario.json");
        await File.WriteAllTextAsync(scenarioFile, WithoutStartDate);
        var (evaluateExit, evaluated) = await CliAsync(clock, "evaluate", "--scenario", scenarioFile);
        Assert.Equal(0, evaluateExit);
        var (parametersExit, parameters) = await CliAsync(clock, "parameters", "--format", "json");
        Assert.Equal(0, parametersExit);

        // serve over the run's output folder.
        await using var serve = LocalApiServer.Build(new LocalApiServerSettings(output, "k", "127.0.0.1", 0) { Clock = clock, MinimumLogLevel = LogLevel.Warning });
        await serve.StartAsync();
        using var client = new HttpClient { BaseAddress = LocalApiServer.ListeningUri(serve) };
        client.DefaultRequestHeaders.Add("x-functions-key", "k");
        using var servePost = await client.PostAsync(new Uri("api/scenarios/evaluate", UriKind.Relative), new StringContent(WithoutStartDate, Encoding.UTF8, "application/json"));
        var serveEvaluated = await servePost.Content.ReadAsStringAsync();
        var serveParameters = await client.GetStringAsync(new Uri("api/parameters", UriKind.Relative));

        // The Functions app, its classes called as the host calls them, over Azurite.
        await using var functions = new FunctionsHost(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var scenarioFunctions = functions.Function<ScenarioFunctions>();
        var (status, _, body) = await FunctionHttp.InvokeAsync(r => scenarioFunctions.EvaluateScenario(r, CancellationToken.None), body: WithoutStartDate);
        Assert.Equal(200, status);
        var catalogueFunctions = functions.Function<CatalogueFunctions>();
        var (_, _, functionParameters) = await FunctionHttp.InvokeAsync(r => catalogueFunctions.ListParameters(r, CancellationToken.None));

        var manifest = Pipeline.Recompute.RunManifest.FromJson(await File.ReadAllBytesAsync(Path.Combine(output, "mart", "latest", "manifest.json")));
        using var results = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "mart", "latest", "results", "851.json")));
        var standardCase = results.RootElement.GetProperty("results").EnumerateArray().First().GetProperty("result");
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["recompute: the run"] = BudgetYearStart,
                ["recompute: a standard case"] = BudgetYearStart,
                ["evaluate"] = BudgetYearStart,
                ["parameters"] = BudgetYearStart,
                ["serve: POST /api/scenarios/evaluate"] = BudgetYearStart,
                ["serve: GET /api/parameters"] = BudgetYearStart,
                ["Functions: EvaluateScenario"] = BudgetYearStart,
                ["Functions: ListParameters"] = BudgetYearStart,
            },
            new Dictionary<string, string?>
            {
                ["recompute: the run"] = manifest.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["recompute: a standard case"] = standardCase.GetProperty("startDate").GetString(),
                ["evaluate"] = Field(evaluated, "startDate"),
                ["parameters"] = Field(parameters, "date"),
                ["serve: POST /api/scenarios/evaluate"] = Field(serveEvaluated, "startDate"),
                ["serve: GET /api/parameters"] = Field(serveParameters, "date"),
                ["Functions: EvaluateScenario"] = Field(Encoding.UTF8.GetString(body), "startDate"),
                ["Functions: ListParameters"] = Field(Encoding.UTF8.GetString(functionParameters), "date"),
            });
    }

    private static async Task<(int Exit, string Output)> CliAsync(TimeProvider clock, params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalogue.All(clock))
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output + error.ToString());
    }

    private static string? Field(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString();
    }
}
