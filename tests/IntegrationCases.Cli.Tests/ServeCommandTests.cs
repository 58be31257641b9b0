using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace IntegrationCases.Cli.Tests;

/// <summary>The <c>serve</c> command as a user starts it: a real process on a free loopback port, with the key from the environment.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_starts_on_loopback_and_demands_the_key_from_the_environment()
    {
        var root = Directory.CreateTempSubdirectory("serve-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "integration-cases.dll"), "serve", "--root", root, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["INTEGRATION_CASES_API_KEY"] = "env-key-42";
        using var process = Process.Start(start)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Uri? baseUri = null;
            while (baseUri is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    baseUri = new Uri(match.Groups["uri"].Value);
                }
            }

            Assert.NotNull(baseUri);
            Assert.Equal("127.0.0.1", baseUri.Host);
            using var client = new HttpClient { BaseAddress = baseUri };
            using var health = await client.GetAsync(new Uri("api/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var withoutKey = await client.GetAsync(new Uri("api/cases", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
            using var withKey = await client.GetAsync(new Uri("api/cases?code=env-key-42", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);

            // SIGTERM (what a service manager or Ctrl+C sends) stops it cleanly.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(timeout.Token);
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Directory.Delete(root, recursive: true);
        }
    }

    [GeneratedRegex(@"kører på (?<uri>http://\S+/)api/")]
    private static partial Regex ListeningLine();
}
