using System.Text.Json;
using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IntegrationCases.Web.Tests;

/// <summary>
/// axe-core (npm, pinned) run inside the page against WCAG 2.1 A and AA and axe's best practices, in each state
/// a user meets: the start, the main view with figures and the uncertainty panel, an intake plan, a rejected scenario, the open advanced sections and the
/// comparison. No serious or critical violation is allowed.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class AccessibilityTests(ToolFixture tool, ITestOutputHelper output)
{
    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_in_any_state_of_the_page()
    {
        var axe = await BrowserTools.AxeCoreScriptAsync();
        // Only this context lets the injected script past the page's content security policy.
        await using var page = await tool.OpenAsync(bypassCsp: true);
        await page.Page.AddScriptTagAsync(new() { Content = axe });

        var findings = new List<string>();
        findings.AddRange(await ScanAsync(page, "start"));

        await page.PickAsync("851", "NY-JOB-30");
        await Assertions.Expect(page.Page.Locator("#usikkerhed-tal")).ToBeVisibleAsync();
        findings.AddRange(await ScanAsync(page, "main view with the uncertainty panel"));

        await page.Page.GetByLabel("Forventet tilgang pr. år", new() { Exact = true }).CheckAsync();
        var intake = page.Page.Locator("#tilgang-tabel tbody input");
        await intake.Nth(0).FillAsync("40");
        await intake.Nth(1).FillAsync("35");
        await intake.Nth(1).PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator("#plan-ekko")).ToContainTextAsync("75 deltagere i alt");
        findings.AddRange(await ScanAsync(page, "intake plan"));
        await page.Page.GetByLabel("Ét hold, der starter i startmåneden", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Page.Locator("#plan-ekko")).ToBeHiddenAsync();

        foreach (var section in new[] { "Målgruppe og ydelse", "Avanceret: egne enhedspriser", "Enhedspriser i kraft" })
        {
            await page.Page.Locator("summary", new() { HasText = section }).ClickAsync();
        }

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gem til sammenligning" }).ClickAsync();
        await page.ChangeAsync(page.Participants, "45");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gem til sammenligning" }).ClickAsync();
        findings.AddRange(await ScanAsync(page, "open sections and comparison"));

        var share = page.Field("investment.extraSelfSupportShareByYear[1]");
        await share.FillAsync("95");
        await share.PressAsync("Tab");
        await Assertions.Expect(share).ToHaveAttributeAsync("aria-invalid", "true");
        findings.AddRange(await ScanAsync(page, "rejected scenario"));

        Assert.True(findings.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", findings));
    }

    private async Task<List<string>> ScanAsync(ToolPage page, string state)
    {
        var json = await page.Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
              return { violations: result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")) })),
                       passes: result.passes.length };
            }
            """);
        var all = json.GetProperty("violations").EnumerateArray().ToList();
        output.WriteLine($"{state}: {json.GetProperty("passes").GetInt32()} rules passed, {all.Count} violated: {string.Join(", ", all.Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()})"))}");
        return [.. all
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"[{state}] {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join("; ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")];
    }
}
