using System.CommandLine;
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

    [Fact]
    public async Task Generating_sample_inputs_writes_exactly_the_committed_files_and_ingest_accepts_every_one()
    {
        var committed = Path.Combine(RepositoryPaths.Root(), "sample-inputs");
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
