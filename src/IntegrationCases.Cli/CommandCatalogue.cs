using System.CommandLine;

namespace IntegrationCases.Cli;

/// <summary>The commands of the local host, in the order that help lists them.</summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.ServeCommand.Create();
        yield return Commands.EvaluateCommand.Create();
        yield return Commands.UncertaintyCommand.Create();
        yield return Commands.ParametersCommand.Create();
        yield return Commands.CasesCommand.Create();
        yield return Commands.IngestCommand.Create();
        yield return Commands.GenerateSampleInputsCommand.Create();
        yield return Commands.RecomputeCommand.Create();
        yield break;
    }
}
