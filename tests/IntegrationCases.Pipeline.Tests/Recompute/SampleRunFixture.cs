using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Support;
using IntegrationCases.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Recompute;

/// <summary>
/// The whole recompute run on sample-inputs/ (98 municipalities, real ingestion and engine), twice: over a
/// local folder and over Azure Blob (its own Azurite). The tests compare and read back these two outputs.
/// </summary>
public sealed class SampleRunFixture : IAsyncLifetime
{
    public static readonly DateOnly StartDate = new(2027, 1, 1);

    private readonly AzuriteFixture _azurite = new();

    public TempFolder Local { get; } = new();

    public PipelineStorage LocalStorage { get; private set; } = null!;

    public PipelineStorage BlobStorage { get; private set; } = null!;

    public RecomputeSummary LocalSummary { get; private set; } = null!;

    public RecomputeSummary BlobSummary { get; private set; } = null!;

    public static string SampleInputs => Path.Combine(AzuriteFixture.RepositoryRoot(), "sample-inputs");

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        LocalStorage = PipelineStorage.Create(new StorageOptions { LocalRoot = Local.Path }, PipelineResilience.Storage(TestContext.FastResilience));
        BlobStorage = TestContext.AzuriteStorage(_azurite);
        await CopyInputsAsync(LocalStorage);
        await CopyInputsAsync(BlobStorage);
        LocalSummary = await new RecomputeRun(LocalStorage).RunAsync(new RecomputeRunOptions { StartDate = StartDate }, null, TestContext.Ct);
        BlobSummary = await new RecomputeRun(BlobStorage).RunAsync(new RecomputeRunOptions { StartDate = StartDate }, null, TestContext.Ct);
    }

    public Task DisposeAsync()
    {
        _azurite.Dispose();
        Local.Dispose();
        return Task.CompletedTask;
    }

    public static async Task CopyInputsAsync(PipelineStorage storage)
    {
        foreach (var file in Directory.EnumerateFiles(SampleInputs, "*", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(SampleInputs, file).Replace(Path.DirectorySeparatorChar, '/');
            await storage.WriteAsync(StorageArea.Inputs, path, await File.ReadAllBytesAsync(file, TestContext.Ct), TestContext.Ct);
        }
    }

    /// <summary>A copy of the local output (inputs, mart, extracts) in a new folder, for tests that change it.</summary>
    public TempFolder CopyOfLocal()
    {
        var copy = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Local.Path, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(Local.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>Every file of a tree, path → bytes.</summary>
    public static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal)
            : [];
}
