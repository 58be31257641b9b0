using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using IntegrationCases.Cli.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>serve</c>: the HTTP API of the Functions app on Kestrel over the local output folder, for a laptop and
/// Power BI Desktop, and the calculation tool at <c>/</c>. Bound to 127.0.0.1 by default; every endpoint but
/// /api/health needs the key, or the session cookie the tool's page gets on this machine.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The environment variable that gives the key when --key is not used.</summary>
    public const string KeyVariable = "INTEGRATION_CASES_API_KEY";

    public static Command Create(TimeProvider clock)
    {
        var options = new ServeOptions(
            new Option<DirectoryInfo>("--root")
            {
                Description = "Outputmappen, som genberegningen skrev (med mart/ og extracts/).",
                DefaultValueFactory = _ => new DirectoryInfo("out"),
            },
            new Option<string>("--host")
            {
                Description = "IP-adressen, der lyttes på. Standard: 127.0.0.1 (kun denne maskine).",
                DefaultValueFactory = _ => "127.0.0.1",
            },
            new Option<int>("--port")
            {
                Description = "Porten, der lyttes på (0 = en ledig port).",
                DefaultValueFactory = _ => 7071,
            },
            new Option<string?>("--key")
            {
                Description = $"API-nøglen ('x-functions-key' eller '?code='). Standard: miljøvariablen {KeyVariable}, ellers en tilfældig nøgle, der skrives ud ved start.",
            });

        var command = new Command("serve", "Start API'et lokalt (samme adresser som Azure Functions-appen) over outputmappen.");
        command.Options.Add(options.Root);
        command.Options.Add(options.Host);
        command.Options.Add(options.Port);
        command.Options.Add(options.Key);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, clock, cancellationToken));
        return command;
    }

    private sealed record ServeOptions(Option<DirectoryInfo> Root, Option<string> Host, Option<int> Port, Option<string?> Key);

    private static async Task<int> RunAsync(ParseResult parseResult, ServeOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hostValue = parseResult.GetValue(options.Host)!;
        if (!IPAddress.TryParse(hostValue, out _) && hostValue != "localhost")
        {
            await Console.Error.WriteLineAsync($"--host skal være en IP-adresse, fx 127.0.0.1; '{hostValue}' er ikke.");
            return ExitCodes.InvalidInput;
        }

        var portValue = parseResult.GetValue(options.Port);
        if (portValue is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"--port skal være mellem 0 og 65535; {portValue} er ikke.");
            return ExitCodes.InvalidInput;
        }

        var keyValue = parseResult.GetValue(options.Key) ?? Environment.GetEnvironmentVariable(KeyVariable);
        var generated = string.IsNullOrWhiteSpace(keyValue);
        if (generated)
        {
            keyValue = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        var rootValue = parseResult.GetValue(options.Root)!;
        await using var app = LocalApiServer.Build(new LocalApiServerSettings(rootValue.FullName, keyValue!, hostValue, portValue) { Clock = clock });
        await app.StartAsync(cancellationToken);
        PrintWelcome(LocalApiServer.ListeningUri(app), rootValue, hostValue, keyValue!, generated);

        // Ctrl+C or SIGTERM stops the host's lifetime (or cancels the command's token); either ends the wait.
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    // Where the API and the tool are, which key to use, and a warning when others on the network can reach it.
    private static void PrintWelcome(Uri uri, DirectoryInfo root, string host, string key, bool generated)
    {
        Console.WriteLine($"API'et kører på {uri}api/ over {root.FullName}");
        Console.WriteLine($"Beregningsværktøjet: åbn {uri} i en browser på denne maskine (siden får adgang uden nøgle).");
        Console.WriteLine(generated
            ? $"Nøgle (tilfældig for denne kørsel; sæt {KeyVariable} eller --key for en fast): {key}"
            : "Nøgle: den angivne (--key eller " + KeyVariable + ").");
        if (!IPAddress.IsLoopback(IPAddress.TryParse(host, out var a) ? a : IPAddress.Loopback))
        {
            Console.WriteLine($"Advarsel: {host} er ikke kun denne maskine; andre på netværket kan nå API'et med nøglen.");
        }

        Console.WriteLine("Stop med Ctrl+C.");
    }
}
