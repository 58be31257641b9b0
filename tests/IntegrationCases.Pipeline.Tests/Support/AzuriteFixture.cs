using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationCases.Tests.Support;

/// <summary>
/// Starts a real Azurite (npm <c>azurite@3.35.0</c>, installed into <c>&lt;repo&gt;/.tools/azurite</c> on first use,
/// never globally) on free 127.0.0.1 ports, in memory, and stops it on dispose. A plain class with no
/// dependency on other test code, so other test projects can link this file. Tests share one instance and
/// keep apart by using their own containers (<see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    public const string Version = "3.35.0";

    // Azurite's well-known development account (public, documented; not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Process? _process;
    private string? _workDirectory;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>A connection string for the blob, queue and table endpoints of this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>A container or queue name unique to one test: lower case, 3-63 characters.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    public async Task InitializeAsync()
    {
        var script = await EnsureInstalledAsync().ConfigureAwait(false);
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        _workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     script,
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence", "--silent",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it was ready.");
            }

            if (await AcceptsAsync(BlobPort).ConfigureAwait(false) && await AcceptsAsync(QueuePort).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        Dispose();
        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{BlobPort} within {StartTimeout.TotalSeconds} s.");
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        if (_workDirectory is { } dir && Directory.Exists(dir))
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>
    /// The repository root: the nearest folder holding Functions.sln above the test binaries, the working
    /// directory or this source file (builds with --artifacts-path put the binaries outside the repository).
    /// </summary>
    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}, the working directory or {sourceFile}.");
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var prefix = Path.Combine(RepositoryRoot(), ".tools", "azurite");
        var script = Path.Combine(prefix, "node_modules", "azurite", "dist", "src", "azurite.js");
        var packageJson = Path.Combine(prefix, "node_modules", "azurite", "package.json");
        if (File.Exists(script) && File.ReadAllText(packageJson).Contains($"\"version\": \"{Version}\"", StringComparison.Ordinal))
        {
            return script;
        }

        Directory.CreateDirectory(prefix);
        // Several test processes may start at once: one installs, the others wait on the lock file.
        await using var gate = await LockAsync(Path.Combine(prefix, ".install.lock")).ConfigureAwait(false);
        if (File.Exists(script) && File.ReadAllText(packageJson).Contains($"\"version\": \"{Version}\"", StringComparison.Ordinal))
        {
            return script;
        }

        var install = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--prefix", prefix, $"azurite@{Version}", "--no-audit", "--no-fund", "--no-save", "--loglevel", "error" })
        {
            install.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
        var stderr = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await npm.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (npm.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm install azurite@{Version} failed ({npm.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return script;
    }

    /// <summary>An exclusive lock file, waited for (several test processes may install the same tool at once).</summary>
    internal static async Task<FileStream> LockAsync(string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (deadline.Elapsed < InstallTimeout)
            {
                await Task.Delay(250).ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
