using System.Net;
using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Functions.Http;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Functions.Tests.Http;

/// <summary><c>POST /api/scenarios/uncertainty</c> on the serve host (real Kestrel on loopback) and as the Functions class.</summary>
public sealed class UncertaintyApiTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    private const string Route = "/api/scenarios/uncertainty";

    private const string Request = """{"scenario":{"municipalityCode":"851","caseId":"NY-KVINDER-40","startDate":"2026-01-01","participants":25},"draws":400,"seed":11}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(string body)
    {
        using var response = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Json(body));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_valid_request_gives_200_with_the_bytes_the_codec_writes_for_the_engine_s_answer()
    {
        var (status, body) = await PostAsync(Request);

        Assert.True(status == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        var parsed = UncertaintyJson.Parse(Encoding.UTF8.GetBytes(Request));
        var expected = UncertaintyAnalysis.Analyse(parsed.Request!, EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2027, 1, 1))).Result!;
        Assert.Equal(UncertaintyJson.SerializeResult(expected), body);
    }

    [Fact]
    public async Task The_same_request_twice_gives_the_same_bytes()
    {
        var first = await PostAsync(Request);
        var second = await PostAsync(Request);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task A_rejected_request_gives_400_with_errors_by_field_path()
    {
        var body = """{"scenario":{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01"},"ranges":{"effectMultiplier":{"high":0.5}},"draws":0}""";

        using var response = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Json(body));

        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal("urn:integration-cases:problem:invalid-scenario", problem.Type);
        Assert.Equal(["scenario.participants", "ranges.effectMultiplier.high", "draws"], problem.Errors.Keys);
        Assert.Contains("tilladt er [1; 100]", problem.Errors["ranges.effectMultiplier.high"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_and_malformed_json_give_400_naming_the_path()
    {
        using var unknown = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Json(Request.Replace("\"draws\"", "\"drawz\"", StringComparison.Ordinal)));
        using var malformed = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Json("{\"scenario\":"));

        Assert.Contains("drawz", (await Problem.ReadAsync(unknown, 400)).Errors.Keys);
        Assert.Contains("$", (await Problem.ReadAsync(malformed, 400)).Errors.Keys);
    }

    [Fact]
    public async Task Without_a_key_it_gives_401_and_with_another_content_type_415()
    {
        using var anonymous = server.NewClient(null);
        using var unauthorised = await anonymous.PostAsync(new Uri(Route, UriKind.Relative), Json(Request));
        using var text = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), new StringContent(Request, Encoding.UTF8, "text/plain"));

        await Problem.ReadAsync(unauthorised, 401);
        await Problem.ReadAsync(text, 415);
    }

    [Fact]
    public async Task A_body_over_the_limit_gives_413()
    {
        using var response = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Json(Request + new string(' ', 5000)));

        await Problem.ReadAsync(response, 413);
    }

    [Fact]
    public async Task The_functions_class_answers_with_the_same_bytes_as_the_local_server()
    {
        var folder = Directory.CreateTempSubdirectory("uncertainty-function-");
        try
        {
            var options = Options.Create(new ApiOptions());
            var data = new ApiDataSource(PipelineStorage.Create(new StorageOptions { LocalRoot = folder.FullName }), options, TimeProvider.System, NullLogger<ApiDataSource>.Instance);
            var function = new UncertaintyFunctions(new UncertaintyHandler(data, options, NullLogger<UncertaintyHandler>.Instance));

            var (status, type, body) = await FunctionHttp.InvokeAsync(r => function.ScenarioUncertainty(r, CancellationToken.None), Request);
            var (badStatus, badType, badBody) = await FunctionHttp.InvokeAsync(r => function.ScenarioUncertainty(r, CancellationToken.None), """{"scenario":{}}""");

            Assert.Equal((200, "application/json"), (status, type));
            Assert.Equal((await PostAsync(Request)).Body, body);
            Assert.Equal((400, "application/problem+json"), (badStatus, badType));
            using var problem = JsonDocument.Parse(badBody);
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("scenario.municipalityCode", out _));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
