using System.CommandLine;

namespace IntegrationCases.Cli;

/// <summary>
/// The commands of the local host, in the order that help lists them. <paramref name="clock"/> is the one clock
/// of the process: every command that needs 'today' (the default start date) reads it.
/// </summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All(TimeProvider clock)
    {
        yield return Commands.ServeCommand.Create(clock);
        yield return Commands.EvaluateCommand.Create(clock);
        yield return Commands.UncertaintyCommand.Create(clock);
        yield return Commands.ParametersCommand.Create(clock);
        yield return Commands.CasesCommand.Create();
        yield return Commands.IngestCommand.Create();
        yield return Commands.GenerateSampleInputsCommand.Create();
        yield return Commands.RecomputeCommand.Create(clock);
        yield break;
    }
}
