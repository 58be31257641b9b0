using System.CommandLine;
using System.Text.Json;
using IntegrationCases.Cli.Output;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Mart;
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
            Description = "Outputmappen fra genberegningen; findes mart/latest/municipality-facts.json, bruges kommunernes data (antal i målgruppen, kommuneskat).",
        };

        var command = new Command("evaluate", "Beregn ét scenarie (business case) og skriv resultatet.");
        command.Options.Add(scenario);
        command.Options.Add(format);
        command.Options.Add(data);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return Run(
                parseResult.GetValue(scenario)!,
                parseResult.GetValue(format)!,
                parseResult.GetValue(data)?.FullName,
                output,
                error,
                Console.OpenStandardInput,
                BudgetYear.FirstDay(clock));
        });
        return command;
    }

    /// <summary>
    /// The unit prices of the latest run in the output folder (its accepted unit-price inputs over the built-in
    /// store), exactly as the HTTP API prices; the built-in store when no run has been published there.
    /// </summary>
    private static ParameterStore RunPrices(string dataFolder)
    {
        var manifestPath = Path.Combine(dataFolder, "mart", MartPaths.Latest, MartPaths.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            return ParameterStore.Default;
        }

        var manifest = RunManifest.FromJson(File.ReadAllBytes(manifestPath));
        var storage = PipelineStorage.Create(new StorageOptions { LocalRoot = dataFolder });
        return RunParameters.LoadAsync(storage, manifest, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The command's work, with its I/O passed in (tests call this directly).</summary>
    public static int Run(string scenarioPath, string format, string? dataFolder, TextWriter output, TextWriter error, Func<Stream> stdin, DateOnly defaultStart)
    {
        byte[] bytes;
        try
        {
            bytes = ReadScenario(scenarioPath, stdin);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"scenario: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        IReadOnlyDictionary<string, MunicipalityFacts>? facts = null;
        if (dataFolder is not null)
        {
            if (!Directory.Exists(dataFolder))
            {
                error.WriteLine($"--data: mappen '{dataFolder}' findes ikke.");
                return ExitCodes.InvalidInput;
            }

            var factsPath = Path.Combine(dataFolder, "mart", MartPaths.Latest, MartPaths.MunicipalityFactsFile);
            if (File.Exists(factsPath))
            {
                try
                {
                    facts = MunicipalityFactsJson.Parse(File.ReadAllBytes(factsPath));
                }
                catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
                {
                    error.WriteLine($"--data: {factsPath} kan ikke læses: {ex.Message}");
                    return ExitCodes.InvalidInput;
                }
            }
        }

        var parsed = ScenarioJson.Parse(bytes);
        if (parsed.Scenario is null)
        {
            WriteErrors(error, parsed.Errors);
            return ExitCodes.InvalidInput;
        }

        ParameterStore parameters;
        try
        {
            parameters = dataFolder is null ? ParameterStore.Default : RunPrices(dataFolder);
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException)
        {
            error.WriteLine($"--data: kørslens manifest eller enhedspriser kan ikke læses: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        var context = EvaluationContextFactory.Create(parameters, defaultStart, facts);
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

    private static byte[] ReadScenario(string path, Func<Stream> stdin)
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

    private static void WriteErrors(TextWriter error, IReadOnlyList<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"{(e.Path.Length == 0 ? "(scenariet)" : e.Path)}: {e.Message}");
        }
    }
}
