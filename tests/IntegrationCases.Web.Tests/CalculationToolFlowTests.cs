using System.Text.Json;
using ClosedXML.Excel;
using IntegrationCases.Engine.Results;
using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IntegrationCases.Web.Tests;

/// <summary>The flows of issue 11, each as a jobcenter economist would go through them, in headless Chromium.</summary>
[Collection(ToolCollection.Name)]
public sealed class CalculationToolFlowTests(ToolFixture tool, ITestOutputHelper output)
{
    [Fact]
    public async Task Aalborg_and_NY_JOB_30_show_the_standard_case_and_the_net_effect_the_API_answers()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");

        var shown = await page.NetEffect.TextContentAsync();
        var api = await page.ApiResultOfPageScenarioAsync();
        Assert.Equal(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()), shown);

        // The first view is the municipality's standard case of the latest run: the same participants and net effect.
        using var results = JsonDocument.Parse(await tool.Server.Api.GetStringAsync(new Uri("api/municipalities/851/results", UriKind.Relative)));
        var standard = results.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("scenarioId").GetString() == "standard" && r.GetProperty("result").GetProperty("caseId").GetString() == "NY-JOB-30");
        Assert.Equal(standard.GetProperty("result").GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal(), ToolPage.Kroner(shown!));
        Assert.Equal(standard.GetProperty("participants").GetDouble(), double.Parse((await page.Participants.InputValueAsync()).Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), 3);
        await Assertions.Expect(page.Page.Locator("#standard-info")).ToContainTextAsync("Aalborg");
        await Assertions.Expect(page.Page.Locator("#sammenfatning")).ToContainTextAsync("Investeringen");
        await Assertions.Expect(page.Page.Locator("#budget tbody tr")).ToHaveCountAsync((11 * 3) + 1);
        // The budget lines carry the engine's labels, the same as the extracts and Power BI.
        await Assertions.Expect(page.Page.Locator("#budget th[scope='rowgroup']")).ToHaveTextAsync([.. LineCatalogue.AllWithNet.Select(l => l.Label)]);
        // Every default carries the catalogue's reason under its field.
        var earnings = page.Field("monthlyEarnings");
        var described = await earnings.GetAttributeAsync("aria-describedby");
        Assert.Contains("-reason", described, StringComparison.Ordinal);
        await Assertions.Expect(page.Page.Locator($"[id='{(await earnings.GetAttributeAsync("id"))}-reason']")).ToContainTextAsync("18.000");

        // The main view as a user first sees it, tall enough to show the key figures and the chart.
        await page.Page.SetViewportSizeAsync(1280, 1250);
        await page.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var screenshot = Path.Combine(tool.ScreenshotFolder, "beregningsvaerktoej.png");
        await page.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(tool.ScreenshotFolder, "beregningsvaerktoej-hele-siden.png"), FullPage = true });
        output.WriteLine($"Main view: {screenshot}");
    }

    [Fact]
    public async Task The_start_is_the_API_s_budget_year_whatever_the_browser_s_clock_says()
    {
        using var parameters = JsonDocument.Parse(await tool.Server.Api.GetStringAsync(new Uri("api/parameters", UriKind.Relative)));
        var budgetYearStart = parameters.RootElement.GetProperty("date").GetString()!;
        var year = int.Parse(budgetYearStart[..4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith("-01-01", budgetYearStart, StringComparison.Ordinal);

        // A PC whose clock is years off: a page that worked out the budget year itself would start in 2034.
        await using var page = await tool.OpenAsync(beforeLoad: p => p.Clock.SetFixedTimeAsync(new DateTime(2033, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
        await Assertions.Expect(page.Page.Locator("#priser-opsummering")).ToContainTextAsync($"1. januar {year}");
        await page.PickAsync("851", "NY-JOB-30");

        await Assertions.Expect(page.Page.GetByLabel("Startår", new() { Exact = true })).ToHaveValueAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Page.GetByLabel("Startmåned", new() { Exact = true })).ToHaveValueAsync("01");
        var scenario = JsonDocument.Parse(await page.DownloadScenarioJsonAsync()).RootElement;
        Assert.Equal(budgetYearStart, scenario.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task Changing_the_effect_and_the_participants_updates_the_figures()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        var first = await page.NetEffect.TextContentAsync();

        var afterParticipants = await page.ChangeAsync(page.Participants, "55");
        Assert.NotEqual(first, afterParticipants);
        var api = await page.ApiResultOfPageScenarioAsync();
        Assert.Equal(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()), afterParticipants);

        // A larger effect in year 1 (10 percentage points instead of 5) gives a larger net effect.
        var afterEffect = await page.ChangeAsync(page.Field("investment.extraSelfSupportShareByYear[0]"), "10");
        Assert.True(ToolPage.Kroner(afterEffect) > ToolPage.Kroner(afterParticipants), $"{afterEffect} should exceed {afterParticipants}");
        api = await page.ApiResultOfPageScenarioAsync();
        Assert.Equal(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()), afterEffect);
        Assert.Equal(0.10, api.GetProperty("kpis").GetProperty("extraSelfSupportingByYear")[0].GetDouble() / 55, 6);
    }

    [Fact]
    public async Task An_impossible_share_shows_the_Danish_message_next_to_that_field_and_no_figures()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        var share = page.Field("baseline.selfSupportShareByYear[2]");

        await share.FillAsync("170");
        await share.PressAsync("Tab");

        await Assertions.Expect(share).ToHaveAttributeAsync("aria-invalid", "true");
        var message = await page.ErrorBesideAsync(share);
        // The API's own message for that path, word for word.
        Assert.Contains("Andelen selvforsørgende ved udgangen af år 3 er 1,7; tilladt er [0; 1].", message, StringComparison.Ordinal);
        await Assertions.Expect(page.NetEffect).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.Locator("#kt-netto")).ToBeEmptyAsync();
        await Assertions.Expect(page.Page.Locator("#budget")).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.Locator("#graf-akkumuleret")).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.Locator("#fejl-liste")).ToContainTextAsync("1,7");
        await Assertions.Expect(page.Page.Locator("#hent-xlsx")).ToBeDisabledAsync();

        // Put right again, the figures come back.
        await share.FillAsync("40");
        await share.PressAsync("Tab");
        await Assertions.Expect(page.NetEffect).ToHaveTextAsync(ToolPage.MoneyText());
        await Assertions.Expect(share).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Text_that_is_not_a_number_is_refused_by_the_page_itself_with_no_figures()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");

        await page.Participants.FillAsync("fyrre");
        await page.Participants.PressAsync("Tab");

        Assert.Contains("«fyrre» er ikke et tal", await page.ErrorBesideAsync(page.Participants), StringComparison.Ordinal);
        await Assertions.Expect(page.NetEffect).ToBeHiddenAsync();
    }

    /// <summary>
    /// API 1.2's intake plan ('cohorts'): three January cohorts of the budget years, the figures of the API, the
    /// plan the engine resolved on screen, and the workbook with the plan and its sum as participants.
    /// </summary>
    [Fact]
    public async Task A_three_year_intake_plan_is_calculated_as_cohorts_and_taken_along_in_the_workbook()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");

        var startYear = int.Parse(await page.Page.GetByLabel("Startår", new() { Exact = true }).InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("01", await page.Page.GetByLabel("Startmåned", new() { Exact = true }).InputValueAsync());
        await page.Page.GetByLabel("Forventet tilgang pr. år", new() { Exact = true }).CheckAsync();
        var rows = page.Page.Locator("#tilgang-tabel tbody input");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await rows.Nth(0).FillAsync("40");
        await rows.Nth(1).FillAsync("35");
        await rows.Nth(2).FillAsync("30");
        await rows.Nth(2).PressAsync("Tab");
        // Checking the option first asks for an empty plan (0 cohorts), which is rejected; wait for the filled plan's answer.
        await Assertions.Expect(page.Page.Locator("[data-error-for='cohorts']")).ToHaveTextAsync(string.Empty);

        var planError = await page.Page.Locator("[data-error-for='cohorts']").TextContentAsync();
        var rowError = await page.ErrorBesideAsync(rows.Nth(0));
        Assert.True(string.IsNullOrEmpty(planError) && string.IsNullOrEmpty(rowError), $"The intake plan was rejected: {planError} {rowError}");
        await Assertions.Expect(page.NetEffect).ToHaveTextAsync(ToolPage.MoneyText());
        var scenario = JsonDocument.Parse(await page.DownloadScenarioJsonAsync()).RootElement;
        Assert.False(scenario.TryGetProperty("participants", out _));
        Assert.Equal([$"{startYear}-01-01", $"{startYear + 1}-01-01", $"{startYear + 2}-01-01"], scenario.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("startDate").GetString()));
        Assert.Equal([40.0, 35.0, 30.0], scenario.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("participants").GetDouble()));
        var api = await page.ApiResultOfPageScenarioAsync();
        // Expect retries: the page may still be drawing the plan's answer when the download above returns.
        await Assertions.Expect(page.NetEffect).ToHaveTextAsync(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()));
        await Assertions.Expect(page.Page.Locator("#plan-ekko")).ToHaveTextAsync(
            $"Beregnet med tilgang: 40 i januar {startYear}, 35 i januar {startYear + 1} og 30 i januar {startYear + 2} (105 deltagere i alt).");
        // Each cohort follows the shares in its own years of the course, so the effect table names no calendar year.
        await Assertions.Expect(page.Page.Locator("#effekt-tabel tbody th").Nth(1)).ToHaveTextAsync("År 2 af forløbet");
        // Budget years: the table's years and the chart's are calendar years from January.
        await Assertions.Expect(page.Page.Locator("#budget thead th.num").First).ToHaveTextAsync($"År 1 ({startYear})");
        await page.Page.Locator("#g-deltagere").ScrollIntoViewIfNeededAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(tool.ScreenshotFolder, "tilgang.png"), FullPage = true });

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Button, new() { Name = "Hent Excel (xlsx)" }).ClickAsync());
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        var kpis = workbook.Worksheet("Nøgletal");
        Assert.Equal(105.0, kpis.Cell(2, 4).GetDouble(), 6);
        Assert.Equal(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal(), (decimal)kpis.Cell(2, 6).GetDouble());
        var assumptions = workbook.Worksheet("Forudsætninger");
        var title = assumptions.Column(1).CellsUsed().Single(c => c.GetString().StartsWith("Tilgang", StringComparison.Ordinal)).Address.RowNumber;
        Assert.Equal(
            [$"{startYear}-01-01 40", $"{startYear + 1}-01-01 35", $"{startYear + 2}-01-01 30"],
            Enumerable.Range(title + 2, 3).Select(r => $"{assumptions.Cell(r, 5).GetString()} {assumptions.Cell(r, 6).GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.True(assumptions.Cell(title + 5, 1).IsEmpty(), "The plan has three cohorts.");
    }

    [Fact]
    public async Task Two_scenarios_are_compared_side_by_side()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        var first = await page.NetEffect.TextContentAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gem til sammenligning" }).ClickAsync();

        var second = await page.ChangeAsync(page.Field("investment.monthlyCostPerParticipant"), "4.500");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gem til sammenligning" }).ClickAsync();

        var table = page.Page.GetByRole(AriaRole.Table, new() { Name = "Gemte scenarier side om side" });
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["Nøgletal", "Scenarie 1", "Scenarie 2"]);
        var netRow = table.GetByRole(AriaRole.Row, new() { Name = "Nettoeffekt i alt" });
        await Assertions.Expect(netRow.Locator("td")).ToHaveTextAsync([first!, second]);
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Nettoeffekt år 5" }).Locator("td")).ToHaveCountAsync(2);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Fjern Scenarie 1" }).ClickAsync();
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["Nøgletal", "Scenarie 2"]);
    }

    [Fact]
    public async Task The_xlsx_download_has_the_layout_of_the_municipality_extract_and_the_figures_on_screen()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        var shown = await page.ChangeAsync(page.Participants, "48");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Button, new() { Name = "Hent Excel (xlsx)" }).ClickAsync());
        Assert.Equal("scenarie-851-NY-JOB-30.xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        using var extract = new XLWorkbook(new MemoryStream(await tool.Server.Api.GetByteArrayAsync(new Uri("api/municipalities/851/extract.xlsx", UriKind.Relative))));

        Assert.Equal(extract.Worksheets.Select(s => s.Name), workbook.Worksheets.Select(s => s.Name));
        foreach (var sheet in new[] { "Pengestrømme", "Nøgletal", "Enhedspriser" })
        {
            Assert.Equal(Header(extract.Worksheet(sheet)), Header(workbook.Worksheet(sheet)));
        }

        var kpis = workbook.Worksheet("Nøgletal");
        Assert.Equal("NY-JOB-30", kpis.Cell(2, 2).GetString());
        Assert.Equal(48.0, kpis.Cell(2, 4).GetDouble(), 6);
        Assert.Equal(ToolPage.Kroner(shown), (decimal)kpis.Cell(2, 6).GetDouble());
        Assert.True(kpis.Cell(3, 1).IsEmpty(), "Only the page's scenario is in the workbook.");
        Assert.Contains("Aalborg", workbook.Worksheet("Forudsætninger").Cell(1, 1).GetString(), StringComparison.Ordinal);

        static string[] Header(IXLWorksheet sheet) =>
            [.. sheet.Row(1).CellsUsed().Select(c => c.GetString())];
    }

    [Fact]
    public async Task A_shared_link_reopens_the_same_scenario()
    {
        string link;
        string shown;
        await using (var page = await tool.OpenAsync())
        {
            await page.PickAsync("851", "NY-AKT-30");
            await page.Field("horizonYears").FillAsync("7");
            await page.Field("horizonYears").PressAsync("Tab");
            await Assertions.Expect(page.Page.Locator("#effekt-tabel tbody tr")).ToHaveCountAsync(7);
            await page.ChangeAsync(page.Participants, "33,5");
            shown = await page.ChangeAsync(page.Field("investment.oneOffCostPerParticipant"), "12.000");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Kopiér link til scenariet" }).ClickAsync();
            link = await page.Page.GetByLabel("Link til scenariet").InputValueAsync();
        }

        Assert.StartsWith(tool.Server.Address + "#s=", link, StringComparison.Ordinal);
        await using var reopened = await tool.OpenAsync(link[tool.Server.Address.ToString().Length..]);
        await Assertions.Expect(reopened.NetEffect).ToHaveTextAsync(shown);
        await Assertions.Expect(reopened.Municipality).ToHaveValueAsync("851");
        await Assertions.Expect(reopened.BusinessCase).ToHaveValueAsync("NY-AKT-30");
        await Assertions.Expect(reopened.Participants).ToHaveValueAsync("33,5");
        await Assertions.Expect(reopened.Field("horizonYears")).ToHaveValueAsync("7");
        await Assertions.Expect(reopened.Field("investment.oneOffCostPerParticipant")).ToHaveValueAsync("12.000");
    }

    [Fact]
    public async Task A_link_to_an_intake_plan_reopens_the_plan_and_one_off_the_yearly_rows_is_summed_by_year_and_said_so()
    {
        const string onGrid = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2027-01-01","cohorts":[{"startDate":"2027-01-01","participants":20},{"startDate":"2029-01-01","participants":12.5}]}""";
        var (_, expected) = await tool.Server.EvaluateAsync(onGrid);
        var netEffect = ToolPage.KronerText(JsonDocument.Parse(expected).RootElement.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal());
        await using (var page = await tool.OpenAsync("#s=" + Base64Url(onGrid)))
        {
            await Assertions.Expect(page.NetEffect).ToHaveTextAsync(netEffect);
            await Assertions.Expect(page.Page.GetByLabel("Forventet tilgang pr. år", new() { Exact = true })).ToBeCheckedAsync();
            var rows = page.Page.Locator("#tilgang-tabel tbody input");
            string[] values = ["20", "", "12,5", "", ""];
            for (var i = 0; i < values.Length; i++)
            {
                await Assertions.Expect(rows.Nth(i)).ToHaveValueAsync(values[i]);
            }

            await Assertions.Expect(page.Page.Locator("#besked")).Not.ToContainTextAsync("lagt dem sammen");
        }

        // Two cohorts in the first year (January and July): the page has one row a year, so it sums them and says so.
        const string offGrid = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2027-01-01","cohorts":[{"startDate":"2027-01-01","participants":20},{"startDate":"2027-07-01","participants":10}]}""";
        await using var summed = await tool.OpenAsync("#s=" + Base64Url(offGrid));
        await Assertions.Expect(summed.NetEffect).ToHaveTextAsync(ToolPage.MoneyText());
        await Assertions.Expect(summed.Page.Locator("#tilgang-tabel tbody input").First).ToHaveValueAsync("30");
        await Assertions.Expect(summed.Page.Locator("#besked")).ToContainTextAsync("lagt dem sammen pr. år");

        static string Base64Url(string json) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    [Fact]
    public async Task A_downloaded_scenario_file_opens_again_with_the_same_figures()
    {
        string file;
        string shown;
        await using (var page = await tool.OpenAsync())
        {
            await page.PickAsync("461", "KH-JOB-30");
            shown = await page.ChangeAsync(page.Field("monthlyEarnings"), "21.500");
            file = Path.Combine(Directory.CreateTempSubdirectory("scenario-file-").FullName, "scenarie.json");
            await File.WriteAllTextAsync(file, await page.DownloadScenarioJsonAsync());
        }

        await using var reopened = await tool.OpenAsync();
        await reopened.Page.GetByLabel("Åbn scenarie fra fil (JSON)").SetInputFilesAsync(file);
        await Assertions.Expect(reopened.NetEffect).ToHaveTextAsync(shown);
        await Assertions.Expect(reopened.Municipality).ToHaveValueAsync("461");
        await Assertions.Expect(reopened.BusinessCase).ToHaveValueAsync("KH-JOB-30");
        await Assertions.Expect(reopened.Field("monthlyEarnings")).ToHaveValueAsync("21.500");
        await Assertions.Expect(reopened.Page.Locator("#besked")).ToContainTextAsync("scenarie.json");
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task The_print_view_shows_the_assumptions_and_the_figures_without_controls()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Page.Locator("#scenarie")).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.Locator("#valg")).ToBeHiddenAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Udskriv" })).ToBeHiddenAsync();
        await Assertions.Expect(page.NetEffect).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#print-forudsaetninger")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Forudsætninger", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#print-forudsaetninger")).ToContainTextAsync("Aalborg (851)");
        await Assertions.Expect(page.Page.Locator("#budget")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#om")).ToContainTextAsync("bloktilskud");
        var pdf = await page.Page.PdfAsync(new() { Format = "A4", Landscape = true, PrintBackground = false });
        Assert.True(pdf.Length > 10_000, "The print view renders to a PDF.");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(tool.ScreenshotFolder, "udskrift.png"), FullPage = true });
    }
}
