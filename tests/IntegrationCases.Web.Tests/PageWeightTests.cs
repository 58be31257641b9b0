using System.IO.Compression;
using IntegrationCases.Pipeline.Web;
using IntegrationCases.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IntegrationCases.Web.Tests;

/// <summary>The page stays small (at most 300 KB gzipped in all) and loads nothing from anywhere but its own server.</summary>
[Collection(ToolCollection.Name)]
public sealed class PageWeightTests(ToolFixture tool, ITestOutputHelper output)
{
    private const int BudgetBytes = 300 * 1024;

    [Fact]
    public async Task Every_file_of_the_tool_together_is_at_most_300_KB_gzipped()
    {
        var sizes = CalculationToolPage.All.ToDictionary(a => a.Path, a => (Raw: a.Content.Length, Gzip: Gzipped(a.Content.Span)));
        var total = sizes.Values.Sum(s => s.Gzip);
        foreach (var (path, size) in sizes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{path}: {size.Raw:N0} bytes, {size.Gzip:N0} gzipped");
        }

        output.WriteLine($"All {sizes.Count} files: {sizes.Values.Sum(s => s.Raw):N0} bytes, {total:N0} gzipped (budget {BudgetBytes:N0}).");
        Assert.True(total <= BudgetBytes, $"{total:N0} bytes gzipped is over the budget of {BudgetBytes:N0}.");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_page_loads_only_its_own_files_and_calls_only_its_own_API()
    {
        var requests = new List<IRequest>();
        var failed = new List<string>();
        var console = new List<string>();
        await using var page = await tool.OpenAsync(beforeLoad: p =>
        {
            // Events arrive on Playwright's thread while the test reads the lists, hence the locks.
            p.Request += (_, request) => { lock (requests) { requests.Add(request); } };
            // A superseded call that the page itself aborts (a newer result replaces the pending one) is not a failure.
            p.RequestFailed += (_, request) =>
            {
                if (request.Failure != "net::ERR_ABORTED")
                {
                    lock (failed) { failed.Add($"{request.Url} ({request.Failure})"); }
                }
            };
            p.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    lock (console) { console.Add(message.Text); }
                }
            };
            p.PageError += (_, error) => { lock (console) { console.Add(error); } };
            return Task.CompletedTask;
        });

        await page.PickAsync("851", "NY-JOB-30");
        await page.ChangeAsync(page.Participants, "41");

        var origin = tool.Server.Address.GetLeftPart(UriPartial.Authority);
        IRequest[] seen;
        lock (requests) { seen = [.. requests]; }
        Assert.NotEmpty(seen);
        Assert.All(seen, r => Assert.True(r.Url.StartsWith(origin + "/", StringComparison.Ordinal) || r.Url.StartsWith("data:", StringComparison.Ordinal), $"{r.Url} is not the tool's own server."));
        Assert.Contains(seen, r => r.Url.Contains("/api/scenarios/evaluate", StringComparison.Ordinal) && r.Method == "POST");
        lock (failed) { Assert.Empty(failed); }
        lock (console) { Assert.True(console.Count == 0, "The browser console reported: " + string.Join(" | ", console)); }

        long loaded = 0;
        foreach (var request in seen.Where(r => r.ResourceType is "document" or "script" or "stylesheet"))
        {
            var response = await request.ResponseAsync();
            loaded += Gzipped(await response!.BodyAsync());
        }

        output.WriteLine($"Loaded page, styles and scripts: {loaded:N0} bytes gzipped.");
        Assert.True(loaded <= BudgetBytes, $"The page loaded {loaded:N0} bytes gzipped.");
    }

    private static int Gzipped(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return (int)buffer.Length;
    }
}
