using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IntegrationCases.Cli.Commands;

namespace IntegrationCases.Cli.Tests;

/// <summary>The ingestion commands (`ingest`, `generate-sample-inputs`) through System.CommandLine, against real files.</summary>
public sealed class IngestionCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ingest-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(GenerateSampleInputsCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    // From this source file's path at compile time, so that any artifacts folder works.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Functions.sln) was not found.");
    }

    [Fact]
    public async Task Generating_sample_inputs_writes_exactly_the_committed_files_and_ingest_accepts_every_one()
    {
        var committed = Path.Combine(RepositoryRoot(), "sample-inputs");
        var generated = Path.Combine(folder, "sample-inputs");

        var (exit, output, _) = await InvokeAsync("generate-sample-inputs", "--out", generated);

        Assert.Equal(0, exit);
        var files = Directory.GetFiles(generated, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(generated, f)).Order(StringComparer.Ordinal).ToList();
        var expected = Directory.GetFiles(committed, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(committed, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, files);
        Assert.NotEmpty(output);
        foreach (var file in files)
        {
            Assert.Contains("synthetic", file, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(Path.Combine(committed, file)), File.ReadAllBytes(Path.Combine(generated, file)));
            var (ingestExit, summary, _) = await InvokeAsync("ingest", "--file", Path.Combine(generated, file));
            Assert.True(ingestExit == 0, $"{file} was rejected:\n{summary}");
        }
    }

    [Fact]
    public async Task Ingesting_a_file_with_an_unknown_municipality_exits_1_and_the_report_names_row_column_and_value()
    {
        var path = Path.Combine(folder, "target-groups", "egne-tal.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025;12,5;14;test\n999;NY-JOB-30;2025;3;4;test\n");
        var reportPath = Path.Combine(folder, "report.json");

        var (exit, output, _) = await InvokeAsync("ingest", "--file", path, "--report", reportPath);

        Assert.Equal(1, exit);
        Assert.Contains("AFVIST", output, StringComparison.Ordinal);
        Assert.Contains("række 3", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(reportPath));
        Assert.False(report.RootElement.GetProperty("accepted").GetBoolean());
        var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("kommunekode", error.GetProperty("column").GetString());
        Assert.Equal("999", error.GetProperty("value").GetString());
        Assert.Equal("target-groups/egne-tal.csv", error.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Ingesting_a_file_that_does_not_exist_exits_2_with_a_Danish_message()
    {
        var (exit, _, error) = await InvokeAsync("ingest", "--file", Path.Combine(folder, "findes-ikke.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("Filen findes ikke", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_random_bytes_as_a_DST_table_is_a_rejection_not_a_crash()
    {
        var path = Path.Combine(folder, "dst", "INDOPH1", "støj.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        var (exit, output, _) = await InvokeAsync("ingest", "--file", path);

        Assert.Equal(1, exit);
        Assert.Contains("AFVIST", output, StringComparison.Ordinal);
    }
}

/// <summary>`evaluate --data` prices as the published run did, as the HTTP API does.</summary>
public sealed class EvaluateWithRunDataTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("evaluate-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Evaluate_with_data_uses_the_unit_price_override_that_the_run_accepted()
    {
        var inputs = Path.Combine(folder, "inputs");
        await IntegrationCases.Cli.Samples.SampleInputsGenerator.WriteAsync(inputs, GenerateSampleInputsCommand.DefaultSeed, CancellationToken.None);
        var output = Path.Combine(folder, "out");
        var exitRun = await RecomputeCommand.RunAsync(
            new DirectoryInfo(inputs), new DirectoryInfo(output), null, "2026-01-01", false, TimeProvider.System, new StringWriter(), new StringWriter(), CancellationToken.None);
        Assert.Equal(0, exitRun);
        var scenario = Path.Combine(folder, "s.json");
        await File.WriteAllTextAsync(scenario, """{ "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01" }""");

        var withData = new StringWriter();
        var without = new StringWriter();
        Assert.Equal(0, EvaluateCommand.Run(scenario, "json", output, withData, new StringWriter(), () => Stream.Null, new DateOnly(2027, 1, 1)));
        Assert.Equal(2, EvaluateCommand.Run(scenario, "json", null, without, new StringWriter(), () => Stream.Null, new DateOnly(2027, 1, 1)));

        using var result = JsonDocument.Parse(withData.ToString());
        var grundtilskud = result.RootElement.GetProperty("parametersUsed").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "grundtilskud.maaned" && p.GetProperty("validFrom").GetString() == "2026-01-01");
        Assert.Equal(3300, grundtilskud.GetProperty("value").GetDouble());
        Assert.Contains("Syntetisk", grundtilskud.GetProperty("source").GetString(), StringComparison.Ordinal);
    }
}
