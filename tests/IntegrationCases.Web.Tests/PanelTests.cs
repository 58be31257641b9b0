using System.Text.Json.Nodes;
using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;

namespace IntegrationCases.Web.Tests;

/// <summary>
/// The contract a result panel (issue 12's 'Usikkerhed') plugs into, assets/panels.js, as docs/operations.md
/// describes it: a panel registered from outside app.js is told of each result with the page's own scenario,
/// its signal is aborted when the result is replaced, and it is told when the figures go.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class PanelTests(ToolFixture tool)
{
    private const string RecordingPanel = """
        async () => {
          const { addPanel } = await import("./assets/panels.js");
          window.panelCalls = [];
          addPanel({
            shown(scenario, result, signal) {
              const call = { kind: "shown", scenario: JSON.stringify(scenario), netEffectTotal: result.kpis.netEffectTotal, aborted: false };
              signal.addEventListener("abort", () => { call.aborted = true; });
              window.panelCalls.push(call);
            },
            cleared() { window.panelCalls.push({ kind: "cleared" }); },
          });
        }
        """;

    [Fact]
    public async Task A_panel_is_told_of_each_result_with_the_page_s_scenario_and_when_the_figures_go()
    {
        await using var page = await tool.OpenAsync();
        await page.Page.EvaluateAsync(RecordingPanel);

        await page.PickAsync("851", "NY-JOB-30");
        var first = await page.ChangeAsync(page.Participants, "25");
        var calls = await CallsAsync(page);
        var last = calls[^1]!;
        Assert.Equal("shown", last["kind"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await page.DownloadScenarioJsonAsync()), last["scenario"]), $"The panel got another scenario than the page's: {last["scenario"]}");
        Assert.Equal(first, ToolPage.KronerText(last["netEffectTotal"]!.GetValue<decimal>()));
        Assert.False(last["aborted"]!.GetValue<bool>());
        Assert.All(calls.Take(calls.Count - 1).Where(c => c!["kind"]!.GetValue<string>() == "shown"), c => Assert.True(c!["aborted"]!.GetValue<bool>(), "A replaced result's signal is aborted."));

        var share = page.Field("baseline.selfSupportShareByYear[2]");
        await share.FillAsync("170");
        await share.PressAsync("Tab");
        await Assertions.Expect(page.NetEffect).ToBeHiddenAsync();

        calls = await CallsAsync(page);
        Assert.Equal("cleared", calls[^1]!["kind"]!.GetValue<string>());
        Assert.True(last["scenario"] is not null && calls.Single(c => c!["kind"]!.GetValue<string>() == "shown" && JsonNode.DeepEquals(c["scenario"], last["scenario"]))!["aborted"]!.GetValue<bool>(), "The rejection aborts the last result's signal.");
    }

    [Fact]
    public async Task A_panel_that_registers_after_a_result_is_told_of_it_at_once()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-AKT-30");
        var shown = await page.NetEffect.TextContentAsync();

        await page.Page.EvaluateAsync(RecordingPanel);

        var calls = await CallsAsync(page);
        var only = Assert.Single(calls)!;
        Assert.Equal("NY-AKT-30", only["scenario"]!["caseId"]!.GetValue<string>());
        Assert.Equal(shown, ToolPage.KronerText(only["netEffectTotal"]!.GetValue<decimal>()));
    }

    /// <summary>The panel's calls, each scenario as the JSON the panel was given (serialised in the page, not by Playwright).</summary>
    private static async Task<JsonArray> CallsAsync(ToolPage page)
    {
        var calls = JsonNode.Parse(await page.Page.EvaluateAsync<string>("() => JSON.stringify(window.panelCalls)"))!.AsArray();
        foreach (var call in calls.Where(c => c!["scenario"] is not null))
        {
            call!["scenario"] = JsonNode.Parse(call["scenario"]!.GetValue<string>());
        }

        return calls;
    }
}
