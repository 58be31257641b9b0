using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationCases.Functions.Tests.Http;

/// <summary>Every endpoint and error path of the API, through a real Kestrel server on loopback (the serve host).</summary>
public sealed class HttpApiTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    public const string Aalborg = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01","horizonYears":5,"participants":40}""";

    private HttpClient Client => server.Client;

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "POST", "/api/scenarios/evaluate" },
        { "POST", "/api/scenarios/extract.xlsx" },
        { "GET", "/api/scenarios/evaluate?municipalityCode=851&caseId=NY-JOB-30" },
        { "GET", "/api/cases" },
        { "GET", "/api/municipalities" },
        { "GET", "/api/municipalities/851/results" },
        { "GET", "/api/municipalities/851/extract.xlsx" },
        { "GET", "/api/municipalities/851/extract.csv" },
        { "GET", "/api/parameters" },
        { "GET", "/api/openapi.json" },
    };

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        using var anonymous = server.NewClient(null);
        using var response = await anonymous.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Every_other_endpoint_without_a_key_gives_401_with_a_problem_document(string method, string path)
    {
        using var anonymous = server.NewClient(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Json(Aalborg);
        }

        using var response = await anonymous.SendAsync(request);
        var problem = await Problem.ReadAsync(response, 401);
        Assert.Contains("nøgle", problem.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_key_gives_401()
    {
        using var wrong = server.NewClient("not-the-key");
        using var response = await wrong.GetAsync(new Uri("/api/cases", UriKind.Relative));
        await Problem.ReadAsync(response, 401);
    }

    [Fact]
    public async Task The_key_may_be_given_as_the_code_query_parameter()
    {
        using var anonymous = server.NewClient(null);
        using var response = await anonymous.GetAsync(new Uri($"/api/cases?code={ApiServerFixture.Key}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_scenario_gives_200_with_the_result_json()
    {
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(Aalborg));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("851", doc.RootElement.GetProperty("municipalityCode").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("years").GetArrayLength());
    }

    [Fact]
    public async Task A_scenario_without_a_content_type_is_read_as_json()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Aalborg));
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"municipalityCode\":\"851\",\"caseId\":")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_gives_400_with_errors(string body)
    {
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(body));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.NotEmpty(problem.Errors);
    }

    [Fact]
    public async Task Random_bytes_and_invalid_utf8_give_400_not_500()
    {
        var random = new Random(20261125);
        foreach (var length in new[] { 1, 7, 300, 4000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            bytes[0] = 0xFF; // never valid UTF-8, never valid JSON
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), content);
            await Problem.ReadAsync(response, 400);
        }
    }

    [Fact]
    public async Task An_unknown_field_gives_400_naming_its_path()
    {
        var body = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":40,"baseline":{"effortCostPerMonht":2500}}""";
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(body));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains(problem.Errors.Keys, k => k.Contains("effortCostPerMonht", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_type_gives_400_naming_its_path()
    {
        var body = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":40,"horizonYears":"fem"}""";
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(body));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("horizonYears", problem.Errors.Keys);
    }

    [Fact]
    public async Task A_value_out_of_range_gives_400_with_the_indexed_array_path()
    {
        var body = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":40,"horizonYears":3,"baseline":{"selfSupportShareByYear":[0.1,0.2,1.7]}}""";
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(body));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("baseline.selfSupportShareByYear[2]", problem.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_municipality_in_a_scenario_gives_400_on_municipalityCode()
    {
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(Aalborg.Replace("851", "999", StringComparison.Ordinal)));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("municipalityCode", problem.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_case_gives_400_on_caseId()
    {
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(Aalborg.Replace("NY-JOB-30", "NY-JOB-99", StringComparison.Ordinal)));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("caseId", problem.Errors.Keys);
    }

    [Fact]
    public async Task A_body_over_the_limit_gives_413_before_it_is_read()
    {
        var huge = "{\"municipalityCode\":\"851\",\"caseId\":\"NY-JOB-30\",\"x\":\"" + new string('a', 10_000) + "\"}";
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(huge));
        var problem = await Problem.ReadAsync(response, 413);
        Assert.Contains("4096", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gives_413()
    {
        using var content = new StreamContent(new MemoryStream(new byte[50_000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios/evaluate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Client.SendAsync(request);
        await Problem.ReadAsync(response, 413);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_gives_415()
    {
        using var content = new StringContent(Aalborg, Encoding.UTF8, "text/plain");
        using var response = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), content);
        await Problem.ReadAsync(response, 415);
    }

    [Fact]
    public async Task The_flat_get_gives_the_same_bytes_as_the_post_of_the_same_scenario()
    {
        var json = """
            {"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01","horizonYears":3,"participants":25.5,
             "targetGroup":{"householdMix":{"ikke_forsoerger":0.6,"forsoerger":0.4},"programmeEligible":true},
             "baseline":{"selfSupportShareByYear":[0.1,0.25,0.35],"effortCostPerMonth":2500},
             "investment":{"extraSelfSupportShareByYear":[0.05,0.08,0.08],"monthlyCostPerParticipant":3000,"durationMonths":12}}
            """;
        var query = "/api/scenarios/evaluate?municipalityCode=851&caseId=NY-JOB-30&startDate=2026-01-01&horizonYears=3&participants=25.5"
            + "&targetGroup.householdMix.ikke_forsoerger=0.6&targetGroup.householdMix.forsoerger=0.4&targetGroup.programmeEligible=true"
            + "&baseline.selfSupportShareByYear=0.1,0.25,0.35&baseline.effortCostPerMonth=2500"
            + "&investment.extraSelfSupportShareByYear=0.05,0.08,0.08&investment.monthlyCostPerParticipant=3000&investment.durationMonths=12";
        using var post = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(json));
        using var get = await Client.GetAsync(new Uri(query, UriKind.Relative));
        var postBytes = await post.Content.ReadAsByteArrayAsync();
        var getBytes = await get.Content.ReadAsByteArrayAsync();
        Assert.True(post.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(postBytes));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(postBytes, getBytes);
    }

    [Fact]
    public async Task The_flat_get_of_an_intake_plan_gives_the_same_bytes_as_the_post_of_the_same_plan()
    {
        var json = """
            {"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2027-01-01","horizonYears":4,
             "cohorts":[{"startDate":"2027-01-01","participants":40},{"startDate":"2027-07-01","participants":12.5},{"startDate":"2028-01-01","participants":35}]}
            """;
        var query = "/api/scenarios/evaluate?municipalityCode=851&caseId=NY-JOB-30&startDate=2027-01-01&horizonYears=4"
            + "&cohorts=" + Uri.EscapeDataString("2027-01-01:40,2027-07-01:12.5, 2028-01-01:35");
        using var post = await Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), Json(json));
        using var get = await Client.GetAsync(new Uri(query, UriKind.Relative));
        var postBytes = await post.Content.ReadAsByteArrayAsync();
        var getBytes = await get.Content.ReadAsByteArrayAsync();
        Assert.True(post.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(postBytes));
        Assert.True(get.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(getBytes));
        Assert.Equal(postBytes, getBytes);
        using var result = JsonDocument.Parse(getBytes);
        Assert.Equal([40.0, 12.5, 35.0], result.RootElement.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("participants").GetDouble()));
    }

    [Theory]
    [InlineData("2027-01-01:40,2028-01-01:mange", "cohorts[1].participants")]
    [InlineData("2027-01-01:40,2028-01-01", "cohorts[1]")]
    [InlineData("2027-01-01:40,,2028-01-01:35", "cohorts[1]")]
    [InlineData("2027-01-01:40,2028-13-01:35", "cohorts[1].startDate")]
    [InlineData("2027-01-01:40,2028-01-15:35", "cohorts[1].startDate")]
    [InlineData("2027-01-01:40,2028-01-01:-3", "cohorts[1].participants")]
    [InlineData("2027-01-01:40,2040-01-01:35", "cohorts[1].startDate")]
    [InlineData("", "cohorts")]
    public async Task A_bad_flat_intake_plan_gives_400_naming_the_cohort_and_its_field(string cohorts, string path)
    {
        var query = "municipalityCode=851&caseId=NY-JOB-30&startDate=2027-01-01&cohorts=" + Uri.EscapeDataString(cohorts);
        using var response = await Client.GetAsync(new Uri("/api/scenarios/evaluate?" + query, UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal([path], problem.Errors.Keys);
    }

    [Fact]
    public async Task A_flat_intake_plan_with_participants_as_well_is_refused_as_the_post_is()
    {
        var query = "municipalityCode=851&caseId=NY-JOB-30&startDate=2027-01-01&participants=10&cohorts=2027-01-01:40";
        using var response = await Client.GetAsync(new Uri("/api/scenarios/evaluate?" + query, UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains("participants", problem.Errors.Keys);
    }

    [Theory]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&baseline.effortCost=1", "baseline.effortCost")]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&participants=1,5", "participants")]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&baseline.selfSupportShareByYear=0.1,x", "baseline.selfSupportShareByYear[1]")]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&targetGroup.programmeEligible=ja", "targetGroup.programmeEligible")]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&participants=1&participants=2", "participants")]
    [InlineData("municipalityCode=851&caseId=NY-JOB-30&targetGroup.householdMix=1", "targetGroup.householdMix")]
    public async Task A_bad_flat_query_gives_400_naming_the_parameter(string query, string name)
    {
        using var response = await Client.GetAsync(new Uri("/api/scenarios/evaluate?" + query, UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains(name, problem.Errors.Keys);
    }

    [Fact]
    public async Task A_flat_query_over_the_length_limit_gives_414()
    {
        var query = "municipalityCode=851&caseId=NY-JOB-30&baseline.selfSupportShareByYear=" + string.Join(',', Enumerable.Repeat("0.1", 3000));
        using var response = await Client.GetAsync(new Uri("/api/scenarios/evaluate?" + query, UriKind.Relative));
        await Problem.ReadAsync(response, 414);
    }

    [Fact]
    public async Task Cases_lists_the_seven_standard_cases()
    {
        using var doc = await GetJson("/api/cases");
        var ids = doc.RootElement.EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ToList();
        Assert.Equal(new[] { "IGU", "KH-AKT-30", "KH-JOB-30", "NY-AKT-30", "NY-JOB-30", "NY-KVINDER-40", "NY-UNG" }, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Municipalities_lists_all_98_with_danish_names_unescaped()
    {
        using var response = await Client.GetAsync(new Uri("/api/municipalities", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(98, doc.RootElement.GetArrayLength());
        Assert.Contains("Aarhus", text, StringComparison.Ordinal);
        Assert.Contains("ø", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_of_a_municipality_are_the_stored_file_of_the_latest_run()
    {
        using var response = await Client.GetAsync(new Uri("/api/municipalities/851/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.AalborgResults, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Results_of_a_municipality_without_a_run_give_404()
    {
        using var response = await Client.GetAsync(new Uri("/api/municipalities/101/results", UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 404);
        Assert.Contains("København", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/municipalities/999/results")]
    [InlineData("/api/municipalities/abc/extract.csv")]
    [InlineData("/api/municipalities/0851/results")]
    public async Task An_unknown_municipality_gives_404(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 404);
        Assert.Contains("Kommunekoden", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_extracts_download_with_their_content_types()
    {
        using var xlsx = await Client.GetAsync(new Uri("/api/municipalities/851/extract.xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(server.AalborgXlsx, await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("business-cases-851.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var csv = await Client.GetAsync(new Uri("/api/municipalities/851/extract.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(server.AalborgCsv, await csv.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_extract_in_another_format_gives_404()
    {
        using var response = await Client.GetAsync(new Uri("/api/municipalities/851/extract.pdf", UriKind.Relative));
        await Problem.ReadAsync(response, 404);
    }

    [Fact]
    public async Task Parameters_on_a_date_list_values_with_source()
    {
        using var doc = await GetJson("/api/parameters?date=2026-01-01");
        Assert.Equal("2026-01-01", doc.RootElement.GetProperty("date").GetString());
        var parameters = doc.RootElement.GetProperty("parameters");
        Assert.True(parameters.GetArrayLength() > 0);
        Assert.All(parameters.EnumerateArray(), p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("source").GetString()));
            Assert.True(DateOnly.Parse(p.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2026, 1, 1));
        });
    }

    [Theory]
    [InlineData("/api/parameters?date=01-01-2026", "date")]
    [InlineData("/api/parameters?date=2026-13-01", "date")]
    [InlineData("/api/parameters?dato=2026-01-01", "dato")]
    public async Task A_bad_parameters_query_gives_400(string path, string name)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Contains(name, problem.Errors.Keys);
    }

    [Fact]
    public async Task The_openapi_document_describes_exactly_the_routes_the_server_maps()
    {
        using var doc = await GetJson("/api/openapi.json");
        Assert.Equal("3.0.3", doc.RootElement.GetProperty("openapi").GetString());
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        var mapped = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(route => route.Contains(" /api/", StringComparison.Ordinal)) // the calculation tool's page and files are not API
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_flat_query_name()
    {
        using var doc = await GetJson("/api/openapi.json");
        var names = doc.RootElement.GetProperty("paths").GetProperty("/api/scenarios/evaluate").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.All(FlatScenarioQuery.Fields, f => Assert.Contains(f.Value == FlatScenarioQuery.FieldKind.NumberMap ? f.Key + ".{key}" : f.Key, names));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_intake_plan_in_the_scenario_the_result_and_the_flat_query()
    {
        using var doc = await GetJson("/api/openapi.json");
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Equal("#/components/schemas/Cohort", schemas.GetProperty("Scenario").GetProperty("properties").GetProperty("cohorts").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/Cohort", schemas.GetProperty("Result").GetProperty("properties").GetProperty("cohorts").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["startDate", "participants"], schemas.GetProperty("Cohort").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var flat = doc.RootElement.GetProperty("paths").GetProperty("/api/scenarios/evaluate").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "cohorts");
        var pattern = new System.Text.RegularExpressions.Regex(flat.GetProperty("schema").GetProperty("pattern").GetString()!);
        Assert.Matches(pattern, "2027-01-01:40,2028-01-01:35.5");
        Assert.DoesNotMatch(pattern, "2027-01-01:40;2028-01-01:35");
    }

    [Fact]
    public async Task An_unknown_route_gives_404_problem()
    {
        using var response = await Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        await Problem.ReadAsync(response, 404);
        using var fileLike = await Client.GetAsync(new Uri("/api/nothing.json", UriKind.Relative));
        await Problem.ReadAsync(fileLike, 404);
    }

    [Fact]
    public async Task A_wrong_method_gives_405_problem()
    {
        using var response = await Client.DeleteAsync(new Uri("/api/cases", UriKind.Relative));
        await Problem.ReadAsync(response, 405);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<JsonDocument> GetJson(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
