using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IntegrationCases.Cli.Output;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>parameters [--date YYYY-MM-DD] [--format table|json]</c>: every unit price in force on a date, with its
/// source. Without a date: the default start date (the budget year's first day), as the HTTP API does.
/// </summary>
internal static class ParametersCommand
{
    public static Command Create(TimeProvider clock)
    {
        var date = new Option<string?>("--date") { Description = "Datoen (ÅÅÅÅ-MM-DD). Standard: budgetårets første dag (1. januar næste år), som scenarier starter på." };
        var format = new Option<string>("--format") { Description = "table eller json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("parameters", "Vis alle enhedspriser og regler, der gælder på en dato, med kilde.");
        command.Options.Add(date);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(date),
            parseResult.GetValue(format)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            BudgetYear.FirstDay(clock)));
        return command;
    }

    public static int Run(string? dateText, string format, TextWriter output, TextWriter error, DateOnly defaultDate)
    {
        var date = defaultDate;
        if (dateText is not null
            && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error.WriteLine($"--date: \"{dateText}\" er ikke en dato på formen ÅÅÅÅ-MM-DD.");
            return ExitCodes.InvalidInput;
        }

        var store = ParameterStore.Default;
        var values = store.InForceOn(date);
        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                ParameterListJson.Write(writer, store, date);
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Ok;
        }

        var which = dateText is null ? " (budgetårets første dag; vælg en anden dato med --date)" : string.Empty;
        output.WriteLine($"Enhedspriser og regler i kraft {Danish.Date(date)}{which} (parametersæt {store.ContentHash[..12]}). * = skøn.");
        output.WriteLine();
        var table = new TextTable("Parameter", "Værdi", "Enhed", "Gælder fra", "Kilde") { LeftAligned = [0, 2, 4] };
        foreach (var v in values)
        {
            table.Row(v.Id, Danish.Number(v.Value) + (v.IsEstimate ? " *" : string.Empty), v.Unit, Danish.Date(v.ValidFrom), v.Source);
        }

        table.WriteTo(output);
        if (values.Count == 0)
        {
            output.WriteLine($"Ingen parametre er i kraft {Danish.Date(date)}; lageret begynder senere.");
        }

        return ExitCodes.Ok;
    }
}
