using System.CommandLine;
using IntegrationCases.Cli.Output;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>uncertainty --scenario &lt;file|-&gt; [--draws N] [--seed S] [--format json|table] [--data &lt;folder&gt;]</c>:
/// the tornado and Monte Carlo of issue 12 for one scenario. The file is a bare scenario (as for evaluate, with the
/// case's ranges) or a full request <c>{ scenario, ranges, draws, seed }</c> (docs/api.md); <c>--draws</c> and
/// <c>--seed</c> override the file. Exit codes as evaluate: 0 computed, 2 rejected (one 'path: message' line per
/// problem on standard error, paths as in the request: <c>scenario.participants</c>, <c>ranges.costMultiplier.low</c>).
/// </summary>
internal static class UncertaintyCommand
{
    public static Command Create(TimeProvider clock)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Scenariefilen (som til evaluate) eller en hel usikkerhedsforespørgsel { scenario, ranges, draws, seed }, eller - for standard input.",
            Required = true,
        };
        var draws = new Option<long?>("--draws") { Description = $"Antal trækninger i Monte Carlo (1-{UncertaintyRequest.MaxDraws}; standard {UncertaintyRequest.DefaultDraws})." };
        var seed = new Option<ulong?>("--seed") { Description = $"Frø til tilfældighedsgeneratoren (0-18446744073709551615; standard {UncertaintyRequest.DefaultSeed}); samme frø giver samme resultat." };
        var format = new Option<string>("--format") { Description = "Output: json (som HTTP-svaret) eller table (en læsbar dansk tabel).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var data = new Option<DirectoryInfo?>("--data") { Description = "Outputmappen fra genberegningen (kommunernes data og kørslens enhedspriser), som for evaluate." };

        var command = new Command("uncertainty", "Usikkerhed for ét scenarie: tornado, Monte Carlo og sandsynligheden for en positiv nettoeffekt.");
        foreach (var option in new Option[] { scenario, draws, seed, format, data })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new UncertaintyArguments(parseResult.GetValue(scenario)!, parseResult.GetValue(draws), parseResult.GetValue(seed), parseResult.GetValue(format)!, parseResult.GetValue(data)?.FullName),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            Console.OpenStandardInput,
            BudgetYear.FirstDay(clock),
            cancellationToken));
        return command;
    }

    /// <summary>The command's work, with its I/O passed in (tests call this directly).</summary>
    public static async Task<int> RunAsync(
        UncertaintyArguments arguments, TextWriter output, TextWriter error, Func<Stream> stdin, DateOnly defaultStart, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = EvaluateCommand.ReadScenario(arguments.ScenarioPath, stdin);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"scenario: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var (runRead, run) = await EvaluateCommand.ReadPublishedRunAsync(arguments.DataFolder, error, cancellationToken).ConfigureAwait(false);
        if (!runRead)
        {
            return ExitCodes.InvalidInput;
        }

        var parsed = UncertaintyJson.IsRequest(bytes) ? UncertaintyJson.Parse(bytes) : UncertaintyJson.ParseScenario(bytes);
        if (parsed.Request is null)
        {
            EvaluateCommand.WriteErrors(error, parsed.Errors);
            return ExitCodes.InvalidInput;
        }

        var request = parsed.Request with { Draws = arguments.Draws ?? parsed.Request.Draws, Seed = arguments.Seed ?? parsed.Request.Seed };
        var context = EvaluationContextFactory.Create(run?.Parameters ?? ParameterStore.Default, defaultStart, run?.Facts);
        var outcome = UncertaintyAnalysis.Analyse(request, context, cancellationToken);
        if (outcome.Result is null)
        {
            EvaluateCommand.WriteErrors(error, outcome.Errors);
            return ExitCodes.InvalidInput;
        }

        if (arguments.Format == "table")
        {
            UncertaintyTableWriter.Write(output, request.Scenario, outcome.Result);
        }
        else
        {
            output.Write(System.Text.Encoding.UTF8.GetString(UncertaintyJson.SerializeResult(outcome.Result)));
            output.WriteLine();
        }

        return ExitCodes.Ok;
    }
}

/// <summary>The command line of <c>uncertainty</c>; null draws or seed leave the file's value (or the default) in charge.</summary>
internal sealed record UncertaintyArguments(string ScenarioPath, long? Draws, ulong? Seed, string Format, string? DataFolder);
