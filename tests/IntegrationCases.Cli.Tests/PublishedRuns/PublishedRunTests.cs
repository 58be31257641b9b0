using System.Text;
using System.Text.Json;
using IntegrationCases.Cli.Commands;
using IntegrationCases.Cli.Serve;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Recompute;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Cli.Tests.PublishedRuns;

/// <summary>
/// <c>evaluate --data</c> and <c>serve</c> answer from what the run published (its effective unit prices and
/// municipality facts), never from <c>inputs/</c>: whatever happens to the inputs after a run, the answers stay.
/// </summary>
public sealed class PublishedRunTests(PublishedRunFixture run) : IClassFixture<PublishedRunFixture>
{
    private const string UnitPriceInput = "inputs/unit-prices/2026-synthetic-grundtilskud.json";

    /// <summary>No participants: they come from the run's facts; from 2026: the sample's grundtilskud override applies.</summary>
    private const string Scenario = """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01" }""";

    private static readonly DateOnly DefaultStart = new(2027, 1, 1);

    [Fact]
    public async Task Evaluate_with_data_uses_the_unit_price_override_that_the_run_accepted()
    {
        var (exit, withData, _) = await EvaluateAsync(run.Output);
        var (exitWithout, _, errorWithout) = await EvaluateAsync(null);

        Assert.Equal(0, exit);
        Assert.Equal(2, exitWithout);
        Assert.StartsWith("participants: ", errorWithout, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(withData);
        var grundtilskud = result.RootElement.GetProperty("parametersUsed").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "grundtilskud.maaned" && p.GetProperty("validFrom").GetString() == "2026-01-01");
        Assert.Equal(3300, grundtilskud.GetProperty("value").GetDouble());
        Assert.Contains("Syntetisk", grundtilskud.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("kommuneskat.kommune.851", withData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_publishes_its_effective_unit_prices_whose_hash_is_the_manifests_parameter_set()
    {
        var manifest = RunManifest.FromJson(await File.ReadAllBytesAsync(Path.Combine(run.Output, "mart", MartPaths.Latest, MartPaths.ManifestFile)));
        foreach (var folder in new[] { MartPaths.Latest, MartPaths.RunFolder(manifest.RunId) })
        {
            var prices = UnitPricesJson.Parse(await File.ReadAllBytesAsync(Path.Combine(run.Output, "mart", folder, MartPaths.UnitPricesFile)));
            Assert.Equal(manifest.ParameterSet, prices.ContentHash);
            Assert.Equal(3300, prices.ValueAt("grundtilskud.maaned", new DateOnly(2026, 1, 1))!.Value);
        }

        Assert.Contains(manifest.Files, f => f.Path == MartPaths.UnitPricesFile);
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("delete")]
    public async Task Whatever_happens_to_the_inputs_after_a_run_evaluate_with_data_and_the_API_answer_exactly_as_before(string change)
    {
        var output = run.CopyOfOutput();
        try
        {
            var before = await AnswersAsync(output);
            Assert.Equal(before.Cli, Encoding.UTF8.GetString(before.Http) + Environment.NewLine); // the CLI prints the API body and a newline
            Assert.Contains("\"value\": 3300", before.Cli, StringComparison.Ordinal); // the run's override, not the built-in price

            if (change == "corrupt")
            {
                await File.WriteAllTextAsync(Path.Combine(output, UnitPriceInput), """{ "id": "grundtilskud.maaned", "values": [ { "validFrom": "2026-01-01", "value": 9999 """);
            }
            else
            {
                Directory.Delete(Path.Combine(output, "inputs"), recursive: true);
            }

            var after = await AnswersAsync(output);
            Assert.Equal(before.Cli, after.Cli);
            Assert.Equal(before.Http, after.Http);
            Assert.Equal(before.Parameters, after.Parameters);
            Assert.Equal(before.Municipalities, after.Municipalities);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_without_a_run_uses_the_built_in_prices_and_a_run_changed_after_publishing_exits_two_naming_the_file()
    {
        var empty = Directory.CreateTempSubdirectory("no-run-").FullName;
        var output = run.CopyOfOutput();
        try
        {
            Assert.Equal(2, (await EvaluateAsync(empty)).Exit); // no run: no facts, so participants are missing
            Assert.Equal(0, (await EvaluateAsync(empty, """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01", "participants": 40 }""")).Exit);
            Assert.Equal(2, (await EvaluateAsync(Path.Combine(empty, "missing"))).Exit);

            var manifest = RunManifest.FromJson(await File.ReadAllBytesAsync(Path.Combine(output, "mart", MartPaths.Latest, MartPaths.ManifestFile)));
            var facts = Path.Combine(output, "mart", MartPaths.RunFolder(manifest.RunId), MartPaths.MunicipalityFactsFile);
            await File.WriteAllTextAsync(facts, "{ broken");
            var (exit, _, error) = await EvaluateAsync(output);
            Assert.Equal(2, exit);
            Assert.Contains($"mart/runs/{manifest.RunId}/municipality-facts.json", error, StringComparison.Ordinal);

            File.Delete(Path.Combine(output, "mart", MartPaths.RunFolder(manifest.RunId), MartPaths.UnitPricesFile));
            (exit, _, error) = await EvaluateAsync(output);
            Assert.Equal(2, exit);
            Assert.Contains("unit-prices.json", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
            Directory.Delete(output, recursive: true);
        }
    }

    private sealed record Answers(string Cli, byte[] Http, string Parameters, string Municipalities);

    /// <summary>What a user gets from the output folder: <c>evaluate --data</c>, and a fresh <c>serve</c> over it.</summary>
    private static async Task<Answers> AnswersAsync(string output)
    {
        var (exit, cli, error) = await EvaluateAsync(output);
        Assert.True(exit == 0, error);
        await using var server = LocalApiServer.Build(new LocalApiServerSettings(output, "k", "127.0.0.1", 0) { MinimumLogLevel = LogLevel.Warning });
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = LocalApiServer.ListeningUri(server) };
        client.DefaultRequestHeaders.Add("x-functions-key", "k");
        using var response = await client.PostAsync(new Uri("api/scenarios/evaluate", UriKind.Relative), new StringContent(Scenario, Encoding.UTF8, "application/json"));
        var http = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(http));
        var parameters = await client.GetStringAsync(new Uri("api/parameters?date=2026-01-01", UriKind.Relative));
        var municipalities = await client.GetStringAsync(new Uri("api/municipalities", UriKind.Relative));
        await server.StopAsync();
        return new Answers(cli, http, parameters, municipalities);
    }

    private static async Task<(int Exit, string Output, string Error)> EvaluateAsync(string? dataFolder, string scenario = Scenario)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await EvaluateCommand.RunAsync(
            "-", "json", dataFolder, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(scenario)), DefaultStart, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
