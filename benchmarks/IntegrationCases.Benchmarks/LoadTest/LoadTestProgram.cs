using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using IntegrationCases.Cli.Serve;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Benchmarks.LoadTest;

/// <summary>
/// A bounded load test of <c>POST /api/scenarios/evaluate</c>: starts the <c>serve</c> host in-process on
/// 127.0.0.1 (or targets --url, which must be a loopback address), sends the same scenario from N concurrent
/// workers for a fixed time or request count, and prints throughput and latency percentiles.
/// Run: <c>dotnet run -c Release --project benchmarks/IntegrationCases.Benchmarks -- loadtest [options]</c>.
/// </summary>
public static class LoadTestProgram
{
    private const string DefaultScenario = """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01","horizonYears":5,"participants":{n}}""";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadTestSettings settings;
        try
        {
            settings = LoadTestSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(LoadTestSettings.Usage);
            return 2;
        }

        // '{n}' in the scenario becomes 40 (the same scenario every time: the API's result cache answers) or, with
        // --distinct, a different number of participants per request, so that every request is evaluated.
        var template = settings.ScenarioFile is { } file ? await File.ReadAllTextAsync(file) : DefaultScenario;
        var counter = 0L;
        Func<byte[]> scenario = settings.Distinct
            ? () => Encoding.UTF8.GetBytes(template.Replace("{n}", (40 + (Interlocked.Increment(ref counter) * 0.0001)).ToString("0.####", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : () => Encoding.UTF8.GetBytes(template.Replace("{n}", "40", StringComparison.Ordinal));
        Microsoft.AspNetCore.Builder.WebApplication? server = null;
        var key = settings.Key ?? "load-test-key";
        var baseUri = settings.Url;
        string? tempRoot = null;
        try
        {
            if (baseUri is null)
            {
                tempRoot = settings.Root ?? Directory.CreateTempSubdirectory("loadtest-").FullName;
                server = LocalApiServer.Build(new LocalApiServerSettings(tempRoot, key, "127.0.0.1", 0) { MinimumLogLevel = LogLevel.Warning });
                await server.StartAsync();
                baseUri = LocalApiServer.ListeningUri(server);
            }

            var endpoint = new Uri(baseUri, "/api/scenarios/evaluate");
            using var client = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = settings.Concurrency,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseProxy = false,
            })
            {
                Timeout = TimeSpan.FromSeconds(10),
            };
            client.DefaultRequestHeaders.Add("x-functions-key", key);

            // One request first: a wrong key, URL or scenario should fail loudly, not as a million errors.
            using (var first = await Send(client, endpoint, scenario(), CancellationToken.None))
            {
                if (first.StatusCode != HttpStatusCode.OK)
                {
                    await Console.Error.WriteLineAsync($"The first request gave {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
                    return 1;
                }
            }

            Console.WriteLine($"Load test: POST {endpoint} ({(settings.Distinct ? "a different scenario every request" : "the same scenario every request")}) with {settings.Concurrency} concurrent workers, warm-up {settings.Warmup.TotalSeconds:0.#} s, then {settings.Duration.TotalSeconds:0.#} s or {settings.MaxRequests} requests.");
            await RunPhase(client, endpoint, scenario, settings.Concurrency, settings.Warmup, int.MaxValue);
            var result = await RunPhase(client, endpoint, scenario, settings.Concurrency, settings.Duration, settings.MaxRequests);
            Console.WriteLine(result.Describe(Environment.ProcessorCount));
            return result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }

            if (tempRoot is not null && settings.Root is null)
            {
                Directory.Delete(tempRoot, recursive: true);
            }
        }
    }

    private static async Task<LoadTestResult> RunPhase(HttpClient client, Uri endpoint, Func<byte[]> scenario, int concurrency, TimeSpan duration, int maxRequests)
    {
        using var stop = new CancellationTokenSource(duration);
        var issued = 0;
        var errors = 0;
        var latencies = new List<long>[concurrency];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var mine = latencies[i] = new List<long>(1 << 16);
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await Send(client, endpoint, scenario(), CancellationToken.None);
                    await response.Content.LoadIntoBufferAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetTimestamp() - started);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadTestResult(all.Length, errors, clock.Elapsed, all);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Uri endpoint, byte[] scenario, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(scenario);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return client.PostAsync(endpoint, content, cancellationToken);
    }
}

/// <summary>The measured figures of one phase.</summary>
public sealed record LoadTestResult(int Requests, int Errors, TimeSpan Elapsed, long[] SortedTicks)
{
    public double Throughput => Requests / Elapsed.TotalSeconds;

    public double PercentileMs(double p) =>
        SortedTicks.Length == 0 ? double.NaN
        : SortedTicks[Math.Min(SortedTicks.Length - 1, (int)Math.Ceiling(p / 100 * SortedTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    public string Describe(int processors) => string.Create(CultureInfo.InvariantCulture,
        $"requests {Requests}, errors {Errors}, {Elapsed.TotalSeconds:0.00} s, throughput {Throughput:0} evaluations/s, " +
        $"latency p50 {PercentileMs(50):0.00} ms, p90 {PercentileMs(90):0.00} ms, p99 {PercentileMs(99):0.00} ms, max {PercentileMs(100):0.00} ms " +
        $"({processors} logical processors, client and server on the same machine)");
}

/// <summary>The load test's options, each bounded so a run always stops by itself.</summary>
public sealed record LoadTestSettings(Uri? Url, string? Key, string? Root, string? ScenarioFile, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int MaxRequests, bool Distinct = false)
{
    public const string Usage =
        "loadtest [--url http://127.0.0.1:7071/] [--key K] [--root out] [--scenario file.json ('{n}' is replaced)] [--distinct] [--concurrency 16] [--duration 10] [--warmup 3] [--max-requests 500000]";

    public static LoadTestSettings Parse(string[] args)
    {
        var s = new LoadTestSettings(null, null, null, null, 16, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 500_000);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--distinct")
            {
                s = s with { Distinct = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            i++;
            s = args[i - 1] switch
            {
                "--url" => s with { Url = LoopbackOnly(new Uri(value)) },
                "--key" => s with { Key = value },
                "--root" => s with { Root = value },
                "--scenario" => s with { ScenarioFile = value },
                "--concurrency" => s with { Concurrency = Bounded(value, 1, 256) },
                "--duration" => s with { Duration = TimeSpan.FromSeconds(Bounded(value, 1, 120)) },
                "--warmup" => s with { Warmup = TimeSpan.FromSeconds(Bounded(value, 0, 30)) },
                "--max-requests" => s with { MaxRequests = Bounded(value, 1, 5_000_000) },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }

        return s;
    }

    private static int Bounded(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"'{value}' must be a whole number from {min} to {max}.");

    /// <summary>Load goes to this machine only.</summary>
    private static Uri LoopbackOnly(Uri uri) =>
        uri.IsLoopback ? uri : throw new ArgumentException($"--url must be a loopback address (127.0.0.1, localhost, [::1]); {uri.Host} is not.");
}
