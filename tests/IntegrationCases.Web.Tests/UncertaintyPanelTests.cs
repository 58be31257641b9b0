using System.Globalization;
using System.Text.Json;
using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;

namespace IntegrationCases.Web.Tests;

/// <summary>
/// The 'Usikkerhed' panel (issue 12) in headless Chromium: for the page's own scenario it shows what
/// POST api/scenarios/uncertainty answers (asked with the key, as a machine client): the probability of a positive
/// net effect, P10–P90, the median, the tornado's ends and a 20-bar histogram; it follows a change and goes away
/// with a rejected scenario.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class UncertaintyPanelTests(ToolFixture tool)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task The_panel_shows_the_tornado_and_the_distribution_the_API_answers_for_the_page_s_scenario()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");
        await AssertPanelMatchesApiAsync(page);

        await page.ChangeAsync(page.Participants, "25");
        await AssertPanelMatchesApiAsync(page);

        var share = page.Field("investment.extraSelfSupportShareByYear[1]");
        await share.FillAsync("95");
        await share.PressAsync("Tab");
        await Assertions.Expect(share).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Page.Locator("#usikkerhed-tal")).ToBeHiddenAsync();
    }

    private static async Task AssertPanelMatchesApiAsync(ToolPage page)
    {
        var scenario = await page.DownloadScenarioJsonAsync();
        var (status, body) = await page.Server.UncertaintyAsync($$"""{"scenario":{{scenario}},"draws":2000,"seed":1}""");
        Assert.True(status == 200, body);
        using var answer = JsonDocument.Parse(body);
        var mc = answer.RootElement.GetProperty("monteCarlo");
        var net = mc.GetProperty("netEffectTotal");
        string Kr(JsonElement e, string name) => ToolPage.KronerText(e.GetProperty(name).GetDecimal());

        var panel = page.Page.Locator("#usikkerhed");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Usikkerhed" })).ToBeVisibleAsync();
        // The interval is the last figure written: once it shows the API's P10–P90 for this scenario, the panel is drawn.
        await Assertions.Expect(panel.GetByRole(AriaRole.Status, new() { Name = "Nettoeffekt, P10–P90", Exact = true }))
            .ToHaveTextAsync($"{Kr(net, "p10")} til {Kr(net, "p90")}");
        await Assertions.Expect(panel.GetByRole(AriaRole.Status, new() { Name = "Nettoeffekt, median (P50)", Exact = true })).ToHaveTextAsync(Kr(net, "p50"));
        Assert.Equal(mc.GetProperty("probabilityNetPositive").GetDouble() * 100, Percent(await panel.GetByRole(AriaRole.Status, new() { Name = "Sandsynlighed for positiv nettoeffekt", Exact = true }).TextContentAsync()), 0.051);
        Assert.Equal(mc.GetProperty("paybackWithinHorizonShare").GetDouble() * 100, Percent(await panel.GetByRole(AriaRole.Status, new() { Name = "Andel tilbagebetalt inden for horisonten", Exact = true }).TextContentAsync()), 0.051);

        // The tornado: one row and one bar per factor, in the API's order (by swing), with its ends to the øre.
        var tornado = answer.RootElement.GetProperty("tornado").EnumerateArray().ToList();
        var rows = panel.Locator("#u-tornado-tabel tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(tornado.Count);
        for (var i = 0; i < tornado.Count; i++)
        {
            Assert.Equal(tornado[i].GetProperty("factor").GetString(), await rows.Nth(i).GetAttributeAsync("data-factor"));
            await Assertions.Expect(rows.Nth(i).Locator("td")).ToHaveTextAsync([
                tornado[i].GetProperty("low").GetProperty("value").GetDecimal().ToString("0.####", Danish), Kr(tornado[i].GetProperty("low"), "netEffectTotal"),
                tornado[i].GetProperty("high").GetProperty("value").GetDecimal().ToString("0.####", Danish), Kr(tornado[i].GetProperty("high"), "netEffectTotal"),
            ]);
        }

        await Assertions.Expect(panel.Locator("#u-tornado rect")).ToHaveCountAsync(tornado.Count);
        await Assertions.Expect(panel.Locator("#u-fordeling rect")).ToHaveCountAsync(mc.GetProperty("histogram").GetArrayLength());
        Assert.Equal(20, mc.GetProperty("histogram").GetArrayLength());
        await Assertions.Expect(panel.Locator("#u-fordeling-resume")).ToContainTextAsync($"mellem {Kr(net, "p10")} og {Kr(net, "p90")}");
        await Assertions.Expect(panel.Locator("#u-tornado")).ToHaveAttributeAsync("role", "img");
    }

    /// <summary>"85,7 %" → 85.7</summary>
    private static double Percent(string? text)
    {
        Assert.NotNull(text);
        Assert.EndsWith(" %", text, StringComparison.Ordinal);
        return double.Parse(text[..^2], NumberStyles.Number, Danish);
    }
}
