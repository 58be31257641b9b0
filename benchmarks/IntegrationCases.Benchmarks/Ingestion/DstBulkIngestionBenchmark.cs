using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Benchmarks.Ingestion;

/// <summary>
/// Parse, validate and write to curated Parquet a DST BULK extract of 1,008,384 rows (INDOPH1 by area,
/// permit, sex, age and year; 19 MB, no BOM), streamed from a file. Peak working set is printed after the runs
/// ('Peak working set'), allocations by the memory diagnoser. Run: docs/ingestion.md 'Benchmark'.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class DstBulkIngestionBenchmark
{
    /// <summary>In process (no child build), one warm-up and ten measured runs: a 1-second operation needs no more.</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(10));
    }

    private static readonly string[] Permits = ["0", "13", "14", "15", "16", "501", "502", "601", "602", "901", "52", "801"];
    private string _file = "";

    public static int RowCount => (98 + 6) * Permits.Length * 2 * 101 * 4;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"bulk-indoph1-{Environment.ProcessId}.csv");
        using var writer = new StreamWriter(_file, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("OMRÅDE;OPHGR1;KØN;ALDER;TID;INDHOLD\n");
        var areas = new[] { "000", "081", "082", "083", "084", "085" }.Concat(Pipeline.Municipalities.MunicipalityRegister.Default.All.Select(m => m.Code)).ToArray();
        var random = new Random(1);
        foreach (var year in new[] { 2022, 2023, 2024, 2025 })
        foreach (var area in areas)
        foreach (var permit in Permits)
        foreach (var sex in new[] { "1", "2" })
        for (var age = 0; age <= 100; age++)
        {
            var value = random.Next(0, 40);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{area};{permit};{sex};{age};{year};{(value == 0 ? ".." : value.ToString(CultureInfo.InvariantCulture))}\n"));
        }
    }

    [Benchmark]
    public async Task<long> IngestAndWriteCuratedParquet()
    {
        await using var input = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var outcome = await Ingestor.IngestAsync("dst/INDOPH1/bulk.csv", input, null, CancellationToken.None);
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException(string.Join("; ", outcome.Errors.Take(5).Select(IngestionReport.Line)));
        }

        using var output = new MemoryStream();
        await CuratedParquet.WriteAsync(outcome.Curated!, output, CancellationToken.None);
        return output.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Rows: {RowCount:N0}; file: {new FileInfo(_file).Length / 1024.0 / 1024:F1} MB; Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:F0} MB");
        File.Delete(_file);
    }
}
