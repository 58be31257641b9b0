using System.Diagnostics;
using IntegrationCases.Tests.Support;

namespace IntegrationCases.Web.Tests.Support;

/// <summary>
/// What the browser tests need from outside the build, installed on first use as the Azurite fixture does:
/// Debian's Chromium (apt-get, when /usr/bin/chromium is missing; vendor browser downloads cannot be reached
/// here) and the npm package axe-core at a pinned version, into the repository's git-ignored <c>.tools/</c>.
/// </summary>
public static class BrowserTools
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AxeCoreVersion = "4.14.1";

    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Flags the machine notes give for Chromium here: root needs --no-sandbox, and without the
    /// background-networking flags Chromium's own connections are refused by the closed network, many at a time.
    /// </summary>
    public static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ChromiumPath))
            {
                return;
            }

            if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{ChromiumPath} is missing and these tests are not running as root, so they cannot install it: run 'apt-get install chromium chromium-driver' first.");
            }

            await RunAsync("apt-get", ["update", "-qq"], AptTimeout, new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
            // Waits for another apt run (another test process, another engineer) instead of failing on its lock.
            await RunAsync("apt-get", ["install", "-y", "-q", "-o", "DPkg::Lock::Timeout=600", "chromium", "chromium-driver"], AptTimeout,
                new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException($"apt-get installed chromium, but {ChromiumPath} is still missing.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The text of axe.min.js from npm's axe-core at <see cref="AxeCoreVersion"/>, installed into .tools/axe-core.</summary>
    public static async Task<string> AxeCoreScriptAsync()
    {
        var prefix = Path.Combine(RepositoryRoot(), ".tools", "axe-core");
        var script = Path.Combine(prefix, "node_modules", "axe-core", "axe.min.js");
        var packageJson = Path.Combine(prefix, "node_modules", "axe-core", "package.json");
        bool Installed() => File.Exists(script) && File.ReadAllText(packageJson).Contains($"\"version\": \"{AxeCoreVersion}\"", StringComparison.Ordinal);

        if (!Installed())
        {
            Directory.CreateDirectory(prefix);
            await using var gate = await AzuriteFixture.LockAsync(Path.Combine(prefix, ".install.lock"));
            if (!Installed())
            {
                await RunAsync("npm", ["install", "--prefix", prefix, $"axe-core@{AxeCoreVersion}", "--no-audit", "--no-fund", "--no-save", "--loglevel", "error"], NpmTimeout);
                if (!Installed())
                {
                    throw new InvalidOperationException($"npm install axe-core@{AxeCoreVersion} did not leave {script}.");
                }
            }
        }

        return await File.ReadAllTextAsync(script);
    }

    public static string RepositoryRoot() => AzuriteFixture.RepositoryRoot();

    private static async Task RunAsync(string file, string[] arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} took longer than {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
