using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace IntegrationCases.Infrastructure.Tests.Bicep;

/// <summary>
/// The real Bicep CLI, restored by the test project's PackageDownload into the NuGet global packages folder.
/// It runs offline: build, lint and build-params of local files need no registry and no az CLI.
/// </summary>
public sealed class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private BicepCli(string executable, string version)
    {
        Executable = executable;
        Version = version;
    }

    public string Executable { get; }

    public string Version { get; }

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string InfraFolder => Path.Combine(RepositoryRoot, "infra-bicep");

    public static BicepCli Locate()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                "The test project downloads Azure.Bicep.CommandLine.linux-x64; these tests run on Linux x64 only.");
        }

        var version = Metadata("BicepCliVersion");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var executable = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"Bicep CLI {version} not found at {executable}: restore the test project (PackageDownload Azure.Bicep.CommandLine.linux-x64).",
                executable);
        }

        // NuGet extracts the file without the execute bit for group and others; make sure we may run it.
        var mode = File.GetUnixFileMode(executable);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(executable, mode | execute);
        }

        return new BicepCli(executable, version);
    }

    /// <summary>Runs the CLI with the working directory <see cref="InfraFolder"/> and extra environment variables.</summary>
    public BicepResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = InfraFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the operator's machine leaks into the parameter files, and the .NET host stays quiet.
        foreach (var name in new[] { "INTEGRATION_SQL_ADMIN_LOGIN", "INTEGRATION_SQL_ADMIN_OBJECT_ID", "INTEGRATION_SIGNIN_CLIENT_ID", "INTEGRATION_ENABLE_BLOB_EVENTS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}

/// <summary>The outcome of one CLI run; diagnostics are the lines 'file(line,col) : Warning|Error code: text'.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
        .ToList();

    public string Describe() => $"exit code {ExitCode}\n{StandardOutput}\n{StandardError}";
}
