using System.CommandLine;
using IntegrationCases.Cli.Output;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>evaluate --scenario &lt;file|-&gt; [--format json|table] [--data &lt;folder&gt;]</c>: one scenario of API.md
/// through the engine. Exit codes: 0 computed, 2 rejected or unreadable input (messages 'path: message' on
/// standard error), never a stack trace for bad input.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Scenario files above this size are refused before parsing (a scenario is a few kilobytes).</summary>
    public const long MaxScenarioBytes = 1024 * 1024;

    public static Command Create(TimeProvider clock)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Scenariefilen (JSON som i API.md), eller - for standard input.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: json (præcis som API.md) eller table (en læsbar dansk tabel).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Outputmappen fra genberegningen: regn med den udgivne kørsels enhedspriser og kommunedata (antal i målgruppen, kommuneskat), som API'et gør.",
        };

        var command = new Command("evaluate", "Beregn ét scenarie (business case) og skriv resultatet.");
        command.Options.Add(scenario);
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(scenario)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(data)?.FullName,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            Console.OpenStandardInput,
            BudgetYear.FirstDay(clock),
            cancellationToken));
        return command;
    }

    /// <summary>The command's work, with its I/O passed in (tests call this directly).</summary>
    public static async Task<int> RunAsync(
        string scenarioPath, string format, string? dataFolder, TextWriter output, TextWriter error, Func<Stream> stdin, DateOnly defaultStart, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = ReadScenario(scenarioPath, stdin);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"scenario: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var (runRead, run) = await ReadPublishedRunAsync(dataFolder, error, cancellationToken).ConfigureAwait(false);
        if (!runRead)
        {
            return ExitCodes.InvalidInput;
        }

        var parsed = ScenarioJson.Parse(bytes);
        if (parsed.Scenario is null)
        {
            WriteErrors(error, parsed.Errors);
            return ExitCodes.InvalidInput;
        }

        var context = EvaluationContextFactory.Create(run?.Parameters ?? ParameterStore.Default, defaultStart, run?.Facts);
        var outcome = ScenarioEvaluator.Evaluate(parsed.Scenario, context);
        if (outcome.Result is null)
        {
            WriteErrors(error, outcome.Errors);
            return ExitCodes.InvalidInput;
        }

        if (format == "table")
        {
            context.Catalogue.TryGet(outcome.Result.CaseId, out var definition);
            context.Municipalities.TryGetValue(outcome.Result.MunicipalityCode, out var municipality);
            ResultTableWriter.Write(output, outcome.Result, definition, municipality?.Name);
        }
        else
        {
            output.Write(System.Text.Encoding.UTF8.GetString(ScenarioJson.SerializeResult(outcome.Result)));
            output.WriteLine();
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The published run in <paramref name="dataFolder"/> (null without a folder), read by the same reader as the
    /// HTTP API: the run's prices and facts, never its inputs. False after writing the problem to <paramref name="error"/>.
    /// </summary>
    internal static async Task<(bool Ok, PublishedRun? Run)> ReadPublishedRunAsync(string? dataFolder, TextWriter error, CancellationToken cancellationToken)
    {
        if (dataFolder is null)
        {
            return (true, null);
        }

        if (!Directory.Exists(dataFolder))
        {
            await error.WriteLineAsync($"--data: mappen '{dataFolder}' findes ikke.").ConfigureAwait(false);
            return (false, null);
        }

        try
        {
            return (true, await PublishedRun.ReadLatestAsync(PipelineStorage.Create(new StorageOptions { LocalRoot = dataFolder }), cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is PublishedRunException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"--data: {ex.Message}").ConfigureAwait(false);
            return (false, null);
        }
    }

    internal static byte[] ReadScenario(string path, Func<Stream> stdin)
    {
        if (path == "-")
        {
            using var input = stdin();
            return ReadBounded(input, "standard input");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"filen '{path}' findes ikke.");
        }

        using var file = File.OpenRead(path);
        return ReadBounded(file, path);
    }

    private static byte[] ReadBounded(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxScenarioBytes)
            {
                throw new InvalidDataException($"{name} er større end {MaxScenarioBytes / 1024} KiB; et scenarie er normalt få kilobyte.");
            }
        }

        return buffer.ToArray();
    }

    internal static void WriteErrors(TextWriter error, IReadOnlyList<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"{(e.Path.Length == 0 ? "(scenariet)" : e.Path)}: {e.Message}");
        }
    }
}
