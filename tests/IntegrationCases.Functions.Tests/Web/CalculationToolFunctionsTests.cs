using System.Text;
using ClosedXML.Excel;
using IntegrationCases.Functions.Http;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Functions.Web;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Http;
using IntegrationCases.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Functions.Tests.Web;

/// <summary>
/// The calculation tool in the Functions app, its function classes called directly as the host calls them: the
/// page at '/', its files, and the keyless page API that only a user signed in through App Service
/// authentication may use.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalculationToolFunctionsTests(AzuriteFixture azurite)
{
    private const string Scenario = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01","participants":40}""";

    [Fact]
    public async Task The_page_is_served_at_the_root_naming_the_page_API_and_setting_no_cookie()
    {
        var (status, contentType, body, headers) = await InvokeAsync(_ => Task.FromResult(new CalculationToolFunctions().CalculationToolPageIndex(Request())));

        Assert.Equal(200, status);
        Assert.Equal("text/html", contentType);
        var html = Encoding.UTF8.GetString(body);
        Assert.Contains("<meta name=\"api-base\" content=\"page-api/\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"assets/app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Empty(headers.SetCookie.ToString());
    }

    [Fact]
    public async Task The_page_files_are_served_and_an_unknown_file_is_a_404_problem()
    {
        var functions = new CalculationToolFunctions();
        var (status, contentType, body, _) = await InvokeAsync(_ => Task.FromResult(functions.CalculationToolAsset(Request(), "app.js")));
        Assert.Equal(200, status);
        Assert.Equal("text/javascript", contentType);
        Assert.Contains("import", Encoding.UTF8.GetString(body), StringComparison.Ordinal);

        (status, contentType, _, _) = await InvokeAsync(_ => Task.FromResult(functions.CalculationToolAsset(Request(), "../host.json")));
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
    }

    [Fact]
    public async Task The_page_API_refuses_a_request_without_a_signed_in_user()
    {
        await using var services = Services(authEnabled: true);
        var page = services.Function<PageApiFunctions>();

        var (status, contentType, body, _) = await InvokeAsync(_ => page.PageListCases(Request()));

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("sign-in-required", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_principal_headers_do_not_open_the_page_API_when_App_Service_authentication_is_off()
    {
        await using var services = Services(authEnabled: false);
        var page = services.Function<PageApiFunctions>();

        var (status, _, _, _) = await InvokeAsync(_ => page.PageListCases(SignedIn(Request())));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_call_from_another_site_is_refused_even_for_a_signed_in_user()
    {
        await using var services = Services(authEnabled: true);
        var page = services.Function<PageApiFunctions>();
        var request = SignedIn(Request());
        request.Headers["Sec-Fetch-Site"] = "cross-site";

        var (status, _, _, _) = await InvokeAsync(_ => page.PageListCases(request));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_same_answers_as_a_machine_client_with_a_key()
    {
        await using var services = Services(authEnabled: true);
        var page = services.Function<PageApiFunctions>();
        var scenarios = services.Function<ScenarioFunctions>();
        var catalogue = services.Function<CatalogueFunctions>();

        var viaPage = await InvokeAsync(_ => page.PageListCases(SignedIn(Request())));
        var viaKey = await InvokeAsync(_ => Task.FromResult(catalogue.ListCases(Request())));
        Assert.Equal(200, viaPage.Status);
        Assert.Equal(viaKey.Body, viaPage.Body);
        Assert.Contains("\"reasons\"", Encoding.UTF8.GetString(viaPage.Body), StringComparison.Ordinal);

        viaPage = await InvokeAsync(_ => page.PageEvaluateScenario(SignedIn(Request(Scenario)), CancellationToken.None));
        viaKey = await InvokeAsync(_ => scenarios.EvaluateScenario(Request(Scenario), CancellationToken.None));
        Assert.Equal(200, viaPage.Status);
        Assert.Equal(viaKey.Body, viaPage.Body);

        // The 'Usikkerhed' panel's call.
        var uncertaintyRequest = $$"""{"scenario":{{Scenario}},"draws":300,"seed":1}""";
        viaPage = await InvokeAsync(_ => page.PageUncertainty(SignedIn(Request(uncertaintyRequest)), CancellationToken.None));
        viaKey = await InvokeAsync(_ => services.Function<UncertaintyFunctions>().ScenarioUncertainty(Request(uncertaintyRequest), CancellationToken.None));
        Assert.Equal(200, viaPage.Status);
        Assert.Equal(viaKey.Body, viaPage.Body);
        Assert.Contains("\"tornado\"", Encoding.UTF8.GetString(viaPage.Body), StringComparison.Ordinal);

        var rejected = await InvokeAsync(_ => page.PageEvaluateScenario(SignedIn(Request(Scenario.Replace("40", "-1", StringComparison.Ordinal))), CancellationToken.None));
        Assert.Equal(400, rejected.Status);
        Assert.Contains("participants", Encoding.UTF8.GetString(rejected.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scenario_workbook_is_answered_with_the_key_and_to_a_signed_in_user()
    {
        await using var services = Services(authEnabled: true);
        var extract = services.Function<ScenarioExtractFunctions>();
        var page = services.Function<PageApiFunctions>();

        foreach (var (status, contentType, body, headers) in new[]
                 {
                     await InvokeAsync(_ => extract.ScenarioExtractXlsx(Request(Scenario), CancellationToken.None)),
                     await InvokeAsync(_ => page.PageScenarioExtractXlsx(SignedIn(Request(Scenario)), CancellationToken.None)),
                 })
        {
            Assert.Equal(200, status);
            Assert.Equal(ApiHandlers.XlsxContentType, contentType);
            Assert.Contains("scenarie-851-NY-JOB-30.xlsx", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
            using var workbook = new XLWorkbook(new MemoryStream(body));
            Assert.Equal(["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", XlsxExtractWriter.UncertaintySheet], workbook.Worksheets.Select(s => s.Name));
            Assert.Equal(40.0, workbook.Worksheet("Nøgletal").Cell(2, 4).GetDouble());

            // The 'Usikkerhed' sheet holds the case's uncertainty as the API gives it (default ranges, 2,000 draws, seed 1).
            var (_, _, answer, _) = await InvokeAsync(_ => services.Function<UncertaintyFunctions>().ScenarioUncertainty(Request($$"""{"scenario":{{Scenario}}}"""), CancellationToken.None));
            using var json = System.Text.Json.JsonDocument.Parse(answer);
            var mc = json.RootElement.GetProperty("monteCarlo");
            var sheet = workbook.Worksheet(XlsxExtractWriter.UncertaintySheet);
            var header = sheet.Row(XlsxExtractWriter.UncertaintyHeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
            var row = sheet.Row(XlsxExtractWriter.UncertaintyHeaderRow + 1);
            Assert.Equal("NY-JOB-30", row.Cell(header.IndexOf("Case-id") + 1).GetString());
            Assert.Equal(mc.GetProperty("netEffectTotal").GetProperty("p50").GetDecimal(), decimal.Round((decimal)row.Cell(header.IndexOf("Nettoeffekt P50 (kr.)") + 1).GetDouble(), 2));
            Assert.Equal(mc.GetProperty("probabilityNetPositive").GetDouble(), row.Cell(header.IndexOf("Sandsynlighed for positiv nettoeffekt") + 1).GetDouble());
            Assert.True(sheet.Row(XlsxExtractWriter.UncertaintyHeaderRow + 2).IsEmpty(), "Only the page's scenario is on the sheet.");
        }
    }

    /// <summary>The Functions app's services as Program.cs registers them (over Azurite, before any run).</summary>
    private FunctionsHost Services(bool authEnabled) =>
        new(azurite, settings: new Dictionary<string, string?> { [PageSignIn.AuthEnabledSetting] = authEnabled ? "True" : null });

    private static HttpRequest Request(string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = body is null ? "GET" : "POST";
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        return context.Request;
    }

    /// <summary>The headers App Service authentication adds for a user signed in with Entra ID.</summary>
    private static HttpRequest SignedIn(HttpRequest request)
    {
        request.Headers[PageSignIn.PrincipalIdHeader] = "0f8fad5b-d9cb-469f-a165-70867728950e";
        request.Headers[PageSignIn.PrincipalIdpHeader] = "aad";
        request.Headers["Sec-Fetch-Site"] = "same-origin";
        return request;
    }

    private static async Task<(int Status, string? ContentType, byte[] Body, IHeaderDictionary Headers)> InvokeAsync(Func<HttpContext, Task<IResult>> function)
    {
        var context = new DefaultHttpContext();
        using var response = new MemoryStream();
        context.Response.Body = response;
        var result = await function(context);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType?.Split(';')[0], response.ToArray(), context.Response.Headers);
    }
}
