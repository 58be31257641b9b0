using System.CommandLine;
using IntegrationCases.Cli.Samples;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>generate-sample-inputs --out sample-inputs --seed 2026</c>: writes the synthetic inputs for all 98
/// municipalities (docs/ingestion.md 'Sample inputs'). The same seed gives the same bytes.
/// </summary>
internal static class GenerateSampleInputsCommand
{
    public const int DefaultSeed = 2026;

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Mappen filerne skrives til.", DefaultValueFactory = _ => new DirectoryInfo("sample-inputs") };
        var seed = new Option<int>("--seed") { Description = "Frø til tilfældighedsgeneratoren.", DefaultValueFactory = _ => DefaultSeed };
        var command = new Command("generate-sample-inputs", "Skriv syntetiske inputfiler for alle 98 kommuner i de rigtige formater.");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction(async (parseResult, ct) =>
        {
            var written = await SampleInputsGenerator.WriteAsync(parseResult.GetValue(output)!.FullName, parseResult.GetValue(seed), ct).ConfigureAwait(false);
            foreach (var file in written)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(file).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
