using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;

namespace IntegrationCases.Web.Tests;

/// <summary>The whole tool with the keyboard alone: Tab, typing, arrow keys and Enter; never the mouse.</summary>
[Collection(ToolCollection.Name)]
public sealed class KeyboardTests(ToolFixture tool)
{
    private const string FocusedName = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return "";
          if (e.labels && e.labels.length) return e.labels[0].textContent.trim();
          const ids = e.getAttribute("aria-labelledby");
          if (ids) return ids.split(" ").map(id => document.getElementById(id)?.textContent.trim()).join(" ");
          return (e.getAttribute("aria-label") || e.textContent || "").trim();
        }
        """;

    private const string FocusIsVisible = """
        () => {
          const s = getComputedStyle(document.activeElement);
          return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
        }
        """;

    [Fact]
    public async Task The_tool_can_be_used_with_the_keyboard_alone()
    {
        await using var page = await tool.OpenAsync();
        var keyboard = page.Page.Keyboard;

        await keyboard.PressAsync("Tab");
        Assert.Equal("Spring til resultatet", await page.Page.EvaluateAsync<string>(FocusedName));
        Assert.True(await page.Page.EvaluateAsync<bool>(FocusIsVisible), "The skip link shows where the focus is.");

        await TabToAsync(page, "Søg kommune (navn eller kode)");
        await keyboard.TypeAsync("Aalborg");
        await Assertions.Expect(page.Municipality).ToHaveValueAsync("851");
        await Assertions.Expect(page.NetEffect).ToHaveTextAsync(ToolPage.MoneyText());
        var jobReady = await page.NetEffect.TextContentAsync();

        await keyboard.PressAsync("Tab");
        Assert.Equal("Kommune", await page.Page.EvaluateAsync<string>(FocusedName));
        await keyboard.PressAsync("Tab");
        Assert.Equal("Business case", await page.Page.EvaluateAsync<string>(FocusedName));
        Assert.True(await page.Page.EvaluateAsync<bool>(FocusIsVisible), "A focused select shows its focus.");
        await keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.BusinessCase).ToHaveValueAsync("NY-AKT-30");
        await Assertions.Expect(page.NetEffect).Not.ToHaveTextAsync(jobReady!);
        await Assertions.Expect(page.NetEffect).ToHaveTextAsync(ToolPage.MoneyText());

        await TabToAsync(page, "Antal deltagere");
        var before = await page.NetEffect.TextContentAsync();
        await keyboard.PressAsync("Control+A");
        await keyboard.TypeAsync("60");
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.NetEffect).Not.ToHaveTextAsync(before!);
        var api = await page.ApiResultOfPageScenarioAsync();
        Assert.Equal(ToolPage.KronerText(api.GetProperty("kpis").GetProperty("netEffectTotal").GetDecimal()), await page.NetEffect.TextContentAsync());

        // The intake plan is a radio button away.
        await TabToAsync(page, "Ét hold, der starter i startmåneden", backwards: true);
        await keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Page.GetByLabel("Forventet tilgang pr. år", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.Locator("#tilgang-tabel")).ToBeVisibleAsync();
        await keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(page.Participants).ToBeVisibleAsync();

        // A closed section opens with Enter, and its fields are reachable.
        await TabToAsync(page, "Avanceret: egne enhedspriser");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#g-priser-boks")).ToHaveAttributeAsync("open", "");
        await TabToAsync(page, "Grundtilskud pr. måned");

        await TabToAsync(page, "Gem til sammenligning");
        Assert.True(await page.Page.EvaluateAsync<bool>(FocusIsVisible), "A focused button shows its focus.");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Table, new() { Name = "Gemte scenarier side om side" })).ToBeVisibleAsync();

        await TabToAsync(page, "Hent scenariet (JSON)");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => keyboard.PressAsync("Enter"));
        Assert.Equal("scenarie-851-NY-AKT-30.json", download.SuggestedFilename);
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused control has the given accessible name.</summary>
    private static async Task TabToAsync(ToolPage page, string name, bool backwards = false)
    {
        var seen = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            await page.Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await page.Page.EvaluateAsync<string>(FocusedName);
            if (focused == name)
            {
                return;
            }

            seen.Add(focused);
        }

        Assert.Fail($"'{name}' was not reached with {(backwards ? "Shift+Tab" : "Tab")}; focus went through: {string.Join(" | ", seen.Distinct())}");
    }
}
