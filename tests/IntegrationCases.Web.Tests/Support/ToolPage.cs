using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IntegrationCases.Web.Tests.Support;

/// <summary>The calculation tool in one browser context, seen the way a user and a screen reader see it.</summary>
public sealed partial class ToolPage(IBrowserContext context, IPage page, ToolServer server) : IAsyncDisposable
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    public ToolServer Server { get; } = server;

    public ILocator Municipality => Page.GetByLabel("Kommune", new() { Exact = true });

    public ILocator BusinessCase => Page.GetByLabel("Business case", new() { Exact = true });

    public ILocator Participants => Page.GetByLabel("Antal deltagere", new() { Exact = true });

    /// <summary>The key figure, found by its accessible name as a screen reader finds it.</summary>
    public ILocator NetEffect => Page.GetByRole(AriaRole.Status, new() { Name = "Nettoeffekt i alt", Exact = true });

    public ILocator Field(string path) => Page.Locator($"[data-path='{path}']");

    /// <summary>Picks a municipality and a case and waits for the first figures.</summary>
    public async Task PickAsync(string municipalityCode, string caseId)
    {
        await BusinessCase.SelectOptionAsync(caseId);
        await Municipality.SelectOptionAsync(municipalityCode);
        await Assertions.Expect(NetEffect).ToHaveTextAsync(MoneyText());
        await Assertions.Expect(Page.Locator("#resultat")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    /// <summary>Types into a field as a user does (select all, type, leave it) and waits for new figures.</summary>
    public async Task<string> ChangeAsync(ILocator field, string text)
    {
        var before = await NetEffect.TextContentAsync() ?? string.Empty;
        await field.FillAsync(text);
        await field.PressAsync("Tab");
        await Assertions.Expect(NetEffect).Not.ToHaveTextAsync(before);
        await Assertions.Expect(NetEffect).ToHaveTextAsync(MoneyText());
        await Assertions.Expect(Page.Locator("#resultat")).Not.ToHaveAttributeAsync("aria-busy", "true");
        return (await NetEffect.TextContentAsync())!;
    }

    /// <summary>The scenario the page shows, as its 'Hent scenariet (JSON)' button downloads it.</summary>
    public async Task<string> DownloadScenarioJsonAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Hent scenariet (JSON)" }).ClickAsync());
        Assert.Matches(@"^scenarie-\d{3}-[A-Z0-9-]+\.json$", download.SuggestedFilename);
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>What the API answers (with the key, as a machine client) for the scenario the page shows.</summary>
    public async Task<JsonElement> ApiResultOfPageScenarioAsync()
    {
        var json = await DownloadScenarioJsonAsync();
        var (status, body) = await Server.EvaluateAsync(json);
        Assert.True(status == 200, $"The API rejected the page's own scenario ({status}): {body}\n{json}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The error message shown beside an input: the element of its description with class 'error'.</summary>
    public async Task<string> ErrorBesideAsync(ILocator input)
    {
        var ids = (await input.GetAttributeAsync("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in ids)
        {
            var node = Page.Locator($"[id='{id}'].error");
            if (await node.CountAsync() == 1 && await node.IsVisibleAsync())
            {
                return (await node.TextContentAsync())!.Trim();
            }
        }

        return string.Empty;
    }

    /// <summary>"1.234.567,89 kr." → 1234567.89</summary>
    public static decimal Kroner(string text)
    {
        var match = MoneyText().Match(text);
        Assert.True(match.Success, $"'{text}' is not Danish money (1.234.567,89 kr.).");
        return decimal.Parse(match.Groups["n"].Value.Replace('\u2212', '-'), NumberStyles.Number, Danish);
    }

    /// <summary>The API's amount written as the page must write it (the engine's one Danish formatter).</summary>
    public static string KronerText(decimal amount) => Engine.Evaluation.Danish.Kroner(amount) + " kr.";

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    [GeneratedRegex(@"^(?<n>[-\u2212]?\d{1,3}(\.\d{3})*,\d{2}) kr\.$")]
    public static partial Regex MoneyText();
}
