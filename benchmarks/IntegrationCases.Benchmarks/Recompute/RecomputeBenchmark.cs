using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Benchmarks.Recompute;

/// <summary>
/// The whole main job on sample-inputs/ (98 municipalities): ingest the ten input files, evaluate every standard
/// case and the municipal scenarios, write the run folder (Parquet, results, 196 extracts) and publish latest/,
/// over a local folder. Forced, so every iteration does the full work. Peak working set is printed after the
/// runs. Run and figures: docs/recompute.md 'Benchmark'.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class RecomputeBenchmark
{
    private string _root = "";
    private RecomputeRun _run = null!;

    /// <summary>In process, one warm-up run and five measured ones: each run takes seconds.</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5));
    }

    [GlobalSetup]
    public void Setup()
    {
        var inputs = FindSampleInputs();
        _root = Directory.CreateTempSubdirectory("recompute-bench-").FullName;
        foreach (var file in Directory.EnumerateFiles(inputs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, "inputs", Path.GetRelativePath(inputs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var storage = PipelineStorage.Create(new StorageOptions { LocalRoot = _root }, PipelineResilience.Storage(new ResilienceOptions()));
        _run = new RecomputeRun(storage);
    }

    [Benchmark]
    public async Task<int> WholeMainJobOnSampleInputs()
    {
        var summary = await _run.RunAsync(new RecomputeRunOptions { StartDate = new DateOnly(2027, 1, 1), Force = true }, null, CancellationToken.None);
        return summary.CasesComputed;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        Directory.Delete(_root, recursive: true);
    }

    private static string FindSampleInputs()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sample-inputs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository: sample-inputs/ was not found above the working directory.");
    }
}
