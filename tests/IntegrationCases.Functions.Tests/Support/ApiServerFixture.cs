using System.Net.Http.Headers;
using IntegrationCases.Cli.Serve;
using Microsoft.AspNetCore.Builder;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>
/// The <c>serve</c> host on a real Kestrel server at 127.0.0.1, port 0, over a temporary output folder that
/// holds one municipality's results and extracts as a recompute run leaves them.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    public const string Key = "test-key-6f1d";

    private WebApplication? _app;

    public string Root { get; } = Directory.CreateTempSubdirectory("api-tests-").FullName;

    public Uri BaseUri { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The results file of 851 Aalborg as the fixture stored it.</summary>
    public byte[] AalborgResults { get; } = "{\"runId\":\"r1\",\"municipalityCode\":\"851\",\"municipalityName\":\"Aalborg\",\"results\":[]}"u8.ToArray();

    public byte[] AalborgXlsx { get; } = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4];

    public byte[] AalborgCsv { get; } = "kommunekode;case\r\n851;NY-JOB-30\r\n"u8.ToArray();

    public async Task InitializeAsync()
    {
        Write("mart/latest/results/851.json", AalborgResults);
        Write("extracts/851/business-cases.xlsx", AalborgXlsx);
        Write("extracts/851/business-cases.csv", AalborgCsv);
        _app = LocalApiServer.Build(new LocalApiServerSettings(Root, Key, "127.0.0.1", 0)
        {
            Configuration = new Dictionary<string, string?> { ["Api:MaxScenarioBodyBytes"] = "4096" },
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });
        await _app.StartAsync();
        BaseUri = LocalApiServer.ListeningUri(_app);
        Client = NewClient(Key);
    }

    public HttpClient NewClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    private void Write(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }
}
