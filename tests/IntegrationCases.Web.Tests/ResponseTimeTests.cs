using System.Text.Json;
using IntegrationCases.Web.Tests.Support;
using Xunit.Abstractions;

namespace IntegrationCases.Web.Tests;

/// <summary>
/// Issue 11 asks for this figure from the browser: from a change in a field to the new 'Nettoeffekt i alt' on
/// screen, at most 150 ms at the 95th percentile on loopback. Measured inside the page (performance.now) over a
/// series of distinct changes, so every one is a real evaluation, not an answer from the result cache.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class ResponseTimeTests(ToolFixture tool, ITestOutputHelper output)
{
    private const int WarmUp = 5;
    private const int Changes = 60;
    private const double BudgetMs = 150;

    /// <summary>Types a value into the participants field and resolves with the milliseconds until the figure changed.</summary>
    private const string TimeOneChange = """
        async (value) => {
          const field = document.querySelector("[data-path='participants']");
          const figure = document.getElementById("kt-netto");
          const before = figure.textContent;
          return await new Promise((resolve, reject) => {
            const t0 = performance.now();
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error("no new figure within 5 s")); }, 5000);
            const observer = new MutationObserver(() => {
              if (figure.textContent !== before && figure.textContent !== "") {
                clearTimeout(timer);
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(figure, { childList: true, characterData: true, subtree: true });
            field.value = value;
            field.dispatchEvent(new Event("input", { bubbles: true }));
          });
        }
        """;

    [Fact]
    public async Task A_change_shows_its_new_figures_within_150_ms_at_the_95th_percentile()
    {
        await using var page = await tool.OpenAsync();
        await page.PickAsync("851", "NY-JOB-30");

        var timings = new List<double>();
        for (var i = 0; i < WarmUp + Changes; i++)
        {
            // 30,01 · 30,02 · …: each change a scenario the server has not seen.
            var value = (30 + ((i + 1) / 100.0)).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("da-DK"));
            var ms = await page.Page.EvaluateAsync<double>(TimeOneChange, value);
            if (i >= WarmUp)
            {
                timings.Add(ms);
            }
        }

        timings.Sort();
        var p50 = Percentile(timings, 0.50);
        var p95 = Percentile(timings, 0.95);
        output.WriteLine(JsonSerializer.Serialize(new { changes = timings.Count, p50Ms = Math.Round(p50, 1), p95Ms = Math.Round(p95, 1), maxMs = Math.Round(timings[^1], 1), budgetMs = BudgetMs }));
        Console.WriteLine($"Calculation tool, change to new figure in Chromium on loopback: p50 {p50:0.0} ms, p95 {p95:0.0} ms over {timings.Count} changes (budget {BudgetMs} ms).");

        // The last change is what the page shows, and what the API answers for it.
        var api = await page.ApiResultOfPageScenarioAsync();
        Assert.Equal(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()), await page.NetEffect.TextContentAsync());
        Assert.True(p95 <= BudgetMs, $"p95 {p95:0.0} ms is over the budget of {BudgetMs} ms (p50 {p50:0.0} ms).");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
