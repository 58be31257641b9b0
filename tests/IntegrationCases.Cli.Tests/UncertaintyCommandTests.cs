using System.CommandLine;
using System.Text;
using System.Text.Json;
using IntegrationCases.Cli.Commands;

namespace IntegrationCases.Cli.Tests;

/// <summary><c>uncertainty</c> through System.CommandLine with captured output: exit codes, paths, JSON and the Danish table.</summary>
public sealed class UncertaintyCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("uncertainty-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(UncertaintyCommand.Create(TimeProvider.System));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_scenario_file_gives_the_json_of_the_api_and_exit_zero()
    {
        var (exit, output, error) = Invoke("uncertainty", "--scenario", Write("s.json", UncertaintyJsonTests.Scenario), "--draws", "200", "--seed", "9");

        Assert.Equal((0, ""), (exit, error));
        using var doc = JsonDocument.Parse(output);
        var mc = doc.RootElement.GetProperty("monteCarlo");
        Assert.Equal((200, 9UL), (mc.GetProperty("draws").GetInt32(), mc.GetProperty("seed").GetUInt64()));
    }

    [Fact]
    public void A_full_request_file_gives_the_same_bytes_as_the_bare_scenario_with_the_same_draws_and_seed()
    {
        var bare = Invoke("uncertainty", "--scenario", Write("s.json", UncertaintyJsonTests.Scenario), "--draws", "150", "--seed", "4");
        var full = Invoke("uncertainty", "--scenario", Write("r.json", $$"""{ "scenario": {{UncertaintyJsonTests.Scenario}}, "draws": 150, "seed": 4 }"""));

        Assert.Equal(0, full.Exit);
        Assert.Equal(bare.Out, full.Out);
    }

    [Fact]
    public void Flags_override_the_draws_and_seed_of_the_file()
    {
        var (exit, output, _) = Invoke("uncertainty", "--scenario", Write("r.json", $$"""{ "scenario": {{UncertaintyJsonTests.Scenario}}, "draws": 150, "seed": 4 }"""), "--draws", "20", "--seed", "5");

        Assert.Equal(0, exit);
        Assert.Contains("\"draws\": 20,", output, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 5,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_ranges_and_a_scenario_error_exit_two_with_one_path_and_message_line_each()
    {
        var request = """{ "scenario": { "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01" }, "ranges": { "costMultiplier": { "low": 1.2 } } }""";

        var (exit, output, error) = Invoke("uncertainty", "--scenario", Write("r.json", request));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("scenario.participants: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ranges.costMultiplier.low: Den lave ende af omkostningsmultiplikatoren (investeringens udgift) er 1,2; tilladt er [0; 1]", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    public void Draws_outside_one_to_100000_exit_two_on_draws(string draws)
    {
        var (exit, _, error) = Invoke("uncertainty", "--scenario", Write("s.json", UncertaintyJsonTests.Scenario), "--draws", draws);

        Assert.Equal(2, exit);
        Assert.StartsWith($"draws: Antallet af trækninger er {draws}; tilladt er heltal fra 1 til 100000.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_and_a_missing_file_exit_two_without_a_stack_trace()
    {
        var malformed = Invoke("uncertainty", "--scenario", Write("bad.json", "{ \"scenario\": "));
        var missing = Invoke("uncertainty", "--scenario", Path.Combine(folder, "none.json"));

        Assert.Equal((2, 2), (malformed.Exit, missing.Exit));
        Assert.DoesNotContain("   at ", malformed.Err + missing.Err, StringComparison.Ordinal);
        Assert.StartsWith("scenario: ", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_is_danish_with_the_tornado_percentiles_and_probability()
    {
        var (exit, output, _) = Invoke("uncertainty", "--scenario", Write("s.json", UncertaintyJsonTests.Scenario), "--draws", "100", "--format", "table");

        Assert.Equal(0, exit);
        Assert.Contains("Effekt (ekstra selvforsørgende)", output, StringComparison.Ordinal);
        Assert.Contains("Nettoeffekt i alt", output, StringComparison.Ordinal);
        Assert.Matches(@"Sandsynlighed for positiv nettoeffekt: [0-9]+,[0-9] %", output);
        Assert.Contains("100 trækninger med frø 1", output, StringComparison.Ordinal);
        Assert.Contains("Udligning og generelle tilskud", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_can_come_from_standard_input()
    {
        var output = new StringWriter();
        var exit = await UncertaintyCommand.RunAsync(
            new UncertaintyArguments("-", 10, null, "json", null),
            output,
            new StringWriter(),
            () => new MemoryStream(Encoding.UTF8.GetBytes(UncertaintyJsonTests.Scenario)),
            new DateOnly(2026, 1, 1),
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("\"draws\": 10,", output.ToString(), StringComparison.Ordinal);
    }
}
