using System.Text;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>The one writer of curated/ and rejected/ that the recompute run and the blob trigger share, over a real folder.</summary>
public sealed class IngestedFileWriterTests : IDisposable
{
    private const string Path = "target-groups/egne-tal.csv";
    private static readonly byte[] Broken = Encoding.UTF8.GetBytes("kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n999;NY-JOB-30;2025;3;4;test\n");
    private static readonly byte[] Fixed = Encoding.UTF8.GetBytes("kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025;3;4;test\n");

    private readonly TempFolder _folder = new();
    private readonly PipelineStorage _storage;
    private readonly IngestedFileWriter _writer;

    public IngestedFileWriterTests()
    {
        _storage = PipelineStorage.Create(new StorageOptions { LocalRoot = _folder.Path }, PipelineResilience.Storage(TestContext.FastResilience));
        _writer = new IngestedFileWriter(_storage);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_rejected_file_is_kept_as_it_came_beside_its_two_reports_and_nothing_is_curated()
    {
        var outcome = await KeepAsync(Broken);

        Assert.False(outcome.Accepted);
        Assert.Equal(Broken, await _storage.ReadAsync(StorageArea.Rejected, Path, TestContext.Ct));
        Assert.Contains("999", Encoding.UTF8.GetString(await _storage.ReadAsync(StorageArea.Rejected, Path + ".errors.json", TestContext.Ct)), StringComparison.Ordinal);
        Assert.Contains("AFVIST", Encoding.UTF8.GetString(await _storage.ReadAsync(StorageArea.Rejected, Path + ".errors.txt", TestContext.Ct)), StringComparison.Ordinal);
        Assert.Empty(await _storage.ListAsync(StorageArea.Curated, null, TestContext.Ct));
    }

    [Fact]
    public async Task A_fixed_file_is_curated_and_its_old_rejection_is_removed()
    {
        await KeepAsync(Broken);
        var outcome = await KeepAsync(Fixed);

        Assert.True(outcome.Accepted);
        Assert.Equal(["target-groups/egne-tal.parquet"], (await _storage.ListAsync(StorageArea.Curated, null, TestContext.Ct)).Select(i => i.Path));
        Assert.Empty(await _storage.ListAsync(StorageArea.Rejected, null, TestContext.Ct));
    }

    [Fact]
    public async Task The_same_accepted_file_again_does_not_rewrite_its_curated_copy()
    {
        await KeepAsync(Fixed);
        var curated = System.IO.Path.Combine(_folder.Path, "curated", "target-groups", "egne-tal.parquet");
        var written = File.GetLastWriteTimeUtc(curated);
        File.SetLastWriteTimeUtc(curated, written.AddHours(-1));

        await KeepAsync(Fixed);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(curated));
    }

    private async Task<IngestionOutcome> KeepAsync(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var outcome = await Ingestor.IngestAsync(Path, stream, null, TestContext.Ct);
        stream.Position = 0;
        await _writer.KeepAsync(outcome, stream, TestContext.Ct);
        return outcome;
    }
}
