using System.CommandLine;
using IntegrationCases.Cli;

// The local host. Each command lives in Commands/ and builds its own System.CommandLine command.
var root = new RootCommand("Kommunale business cases for integrationsindsatsen: genberegning, scenarier og data.");
foreach (var command in CommandCatalogue.All(TimeProvider.System))
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
