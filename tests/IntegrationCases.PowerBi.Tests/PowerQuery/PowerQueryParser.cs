using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationCases.PowerBi.Tests.PowerQuery;

/// <summary>The verdict of Microsoft's M parser on one expression; line and column are 1-based within it.</summary>
public sealed record MParseResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("column")] int? Column)
{
    public override string ToString() => Ok ? $"{Name}: ok" : $"{Name}: {Stage} error at line {Line}, column {Column}: {Message}";
}

/// <summary>
/// Runs npm '@microsoft/powerquery-parser' (pinned) over M expressions in one Node process. Installs the package
/// into &lt;repo&gt;/.tools/pq-parser (ignored by git) the first time, with the ordinary npm client.
/// </summary>
public static class PowerQueryParser
{
    public const string PackageVersion = "2.0.0";

    private const string Package = "@microsoft/powerquery-parser";

    private static readonly Lazy<string> InstalledFolder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Path.Combine(RepoPaths.Root, ".tools", "pq-parser");

    public static IReadOnlyList<MParseResult> Parse(IReadOnlyList<(string Name, string Text)> expressions)
    {
        var folder = InstalledFolder.Value;
        var input = JsonSerializer.Serialize(expressions.Select(e => new { name = e.Name, text = e.Text }));
        var (exit, stdout, stderr) = Run("node", [Path.Combine(folder, "check-m.js")], folder, input, TimeSpan.FromMinutes(2));
        if (exit != 0)
        {
            throw new InvalidOperationException($"node check-m.js exited with {exit}: {stderr}");
        }

        var results = JsonSerializer.Deserialize<List<MParseResult>>(stdout)
            ?? throw new InvalidOperationException("node check-m.js wrote no results");
        if (results.Count != expressions.Count)
        {
            throw new InvalidOperationException($"node check-m.js returned {results.Count} results for {expressions.Count} expressions");
        }

        return results;
    }

    private static string Install()
    {
        var folder = Folder;
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "node_modules", "@microsoft", "powerquery-parser", "package.json");
        if (InstalledVersion(manifest) != PackageVersion)
        {
            var (exit, stdout, stderr) = Run("npm", ["install", "--prefix", folder, "--save-exact", "--no-audit", "--no-fund", $"{Package}@{PackageVersion}"],
                folder, null, TimeSpan.FromMinutes(5));
            if (exit != 0 || InstalledVersion(manifest) != PackageVersion)
            {
                throw new InvalidOperationException($"npm install {Package}@{PackageVersion} failed ({exit}): {stderr}{stdout}");
            }
        }

        // The script sits beside node_modules so that require() finds the package.
        var script = Path.Combine(AppContext.BaseDirectory, "PowerQuery", "check-m.js");
        File.Copy(script, Path.Combine(folder, "check-m.js"), overwrite: true);
        return folder;
    }

    private static string? InstalledVersion(string manifest)
    {
        if (!File.Exists(manifest))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string workingDirectory, string? stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var writer = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            writer.Write(stdin ?? "");
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
