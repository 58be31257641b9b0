using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationCases.Web.Tests.Support;

/// <summary>
/// The tool as a newcomer starts it: <c>integration-cases recompute</c> over the committed sample-inputs into a
/// temporary folder, then <c>integration-cases serve --port 0</c> over it, both as real processes of the CLI
/// that sits beside the tests. The address is the one serve prints for the calculation tool.
/// </summary>
public sealed partial class ToolServer : IAsyncDisposable
{
    public const string Key = "web-test-key-3c9a";

    private static readonly TimeSpan RecomputeTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _serve;

    private ToolServer(string root, Process serve, Uri address, TimeSpan recomputeTime)
    {
        Root = root;
        _serve = serve;
        Address = address;
        RecomputeTime = recomputeTime;
        Api = new HttpClient { BaseAddress = address };
        Api.DefaultRequestHeaders.Add("x-functions-key", Key);
        Api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>The output folder of the recompute that serve reads.</summary>
    public string Root { get; }

    /// <summary>The calculation tool's address as serve printed it (http://127.0.0.1:port/).</summary>
    public Uri Address { get; }

    public TimeSpan RecomputeTime { get; }

    /// <summary>A machine client of the API, with the function key (never given to the browser).</summary>
    public HttpClient Api { get; }

    public static async Task<ToolServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("web-tool-out-").FullName;
        var sampleInputs = Path.Combine(BrowserTools.RepositoryRoot(), "sample-inputs");
        var timer = Stopwatch.StartNew();
        using (var recompute = Cli("recompute", "--inputs", sampleInputs, "--out", root))
        {
            var output = recompute.StandardOutput.ReadToEndAsync();
            var error = recompute.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(RecomputeTimeout);
            await recompute.WaitForExitAsync(timeout.Token);
            if (recompute.ExitCode != 0)
            {
                throw new InvalidOperationException($"recompute failed ({recompute.ExitCode}): {await error}{await output}");
            }
        }

        var recomputeTime = timer.Elapsed;
        var serve = Cli("serve", "--root", root, "--port", "0", "--key", Key);
        try
        {
            _ = serve.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            Uri? address = null;
            while (address is null && await serve.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ToolLine().Match(line) is { Success: true } match)
                {
                    address = new Uri(match.Groups["uri"].Value);
                }
            }

            _ = DrainAsync(serve.StandardOutput);
            return new ToolServer(root, serve, address ?? throw new InvalidOperationException("serve printed no address for the calculation tool."), recomputeTime);
        }
        catch
        {
            serve.Kill(entireProcessTree: true);
            serve.Dispose();
            throw;
        }
    }

    /// <summary>POSTs scenario JSON to the API with the key; the status and body as text.</summary>
    public async Task<(int Status, string Body)> EvaluateAsync(string scenarioJson)
    {
        using var content = new StringContent(scenarioJson, Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync(new Uri("api/scenarios/evaluate", UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POST api/scenarios/uncertainty with the key, as a machine client.</summary>
    public async Task<(int Status, string Body)> UncertaintyAsync(string requestJson)
    {
        using var content = new StringContent(requestJson, Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync(new Uri("api/scenarios/uncertainty", UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_serve.HasExited)
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync();
        }

        _serve.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does no harm.
        }
    }

    private static Process Cli(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "integration-cases.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start.");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
            // serve logs a line per request problem; nobody reads them here.
        }
    }

    [GeneratedRegex(@"Beregningsværktøjet: åbn (?<uri>http://\S+/) ")]
    private static partial Regex ToolLine();
}
