using System.CommandLine;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>ingest --file &lt;path&gt; [--kind &lt;kind&gt;] [--report &lt;file&gt;]</c>: validates one input file without
/// writing anything to the inputs, prints the Danish summary, exits 0 when the file is accepted and 1 when it is
/// rejected (with the error report). <c>--report</c> also writes the JSON error report.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "Filen der skal valideres, fx sample-inputs/dst/INDOPH1/2025-synthetic.csv.", Required = true };
        var kind = new Option<string?>("--kind") { Description = "Tving filtypen: dst/<TABEL>, jobindsats/<TABEL>, target-groups, unit-prices eller assumptions/<kommunekode>." };
        var report = new Option<FileInfo?>("--report") { Description = "Skriv også fejlrapporten som JSON til denne fil." };
        var command = new Command("ingest", "Valider én inputfil (tørkørsel: intet skrives til input eller datamart).");
        command.Options.Add(file);
        command.Options.Add(kind);
        command.Options.Add(report);
        command.SetAction((parseResult, ct) => RunAsync(
            parseResult.GetValue(file)!, parseResult.GetValue(kind), parseResult.GetValue(report),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, string? kind, FileInfo? report, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"Filen findes ikke: {file.FullName}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var path = RelativeInputPath(file.FullName);
        IngestionOutcome outcome;
        await using (var stream = file.OpenRead())
        {
            outcome = await Ingestor.IngestAsync(path, stream, new IngestionContext { ForcedKind = kind }, ct).ConfigureAwait(false);
        }

        await output.WriteAsync(IngestionReport.ToText(outcome)).ConfigureAwait(false);
        if (report is not null)
        {
            await File.WriteAllBytesAsync(report.FullName, IngestionReport.ToJson(outcome), ct).ConfigureAwait(false);
        }

        return outcome.Accepted ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The path from the last kind folder on (dst/, jobindsats/, …), so that any local folder works as the inputs area.</summary>
    internal static string RelativeInputPath(string fullPath)
    {
        var segments = fullPath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (InputAddress.Areas.Contains(segments[i]))
            {
                return string.Join('/', segments[i..]);
            }
        }

        return segments.Length == 0 ? fullPath : segments[^1];
    }
}
