using System.Text;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Support;
using IntegrationCases.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Storage;

/// <summary>The same behaviour over a local folder and over Azure Blob (Azurite).</summary>
public abstract class StorageContractTests
{
    protected abstract PipelineStorage Storage { get; }

    private static CancellationToken Ct => TestContext.Ct;

    [Fact]
    public async Task A_written_file_reads_back_byte_for_byte()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("kode;navn\n851;Aalborg\n")];
        await Storage.WriteAsync(StorageArea.Inputs, "target-groups/2025.csv", content, Ct);
        Assert.Equal(content, await Storage.ReadAsync(StorageArea.Inputs, "target-groups/2025.csv", Ct));
    }

    [Fact]
    public async Task A_missing_file_reads_as_null_and_ReadAsync_names_it()
    {
        Assert.Null(await Storage.TryReadAsync(StorageArea.Mart, "latest/manifest.json", Ct));
        var e = await Assert.ThrowsAsync<FileNotFoundException>(async () => await Storage.ReadAsync(StorageArea.Mart, "latest/manifest.json", Ct));
        Assert.Contains("latest/manifest.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_gives_every_file_under_a_prefix_in_ordinal_order_and_nothing_of_other_areas()
    {
        foreach (var path in new[] { "runs/b/x.parquet", "runs/a/y.parquet", "runs/a/sub/z.json", "latest/x.parquet" })
        {
            await Storage.WriteAsync(StorageArea.Mart, path, new byte[] { 1, 2, 3 }, Ct);
        }

        await Storage.WriteAsync(StorageArea.Extracts, "runs/other.csv", new byte[] { 1 }, Ct);
        var listed = await Storage.ListAsync(StorageArea.Mart, "runs", Ct);
        Assert.Equal(["runs/a/sub/z.json", "runs/a/y.parquet", "runs/b/x.parquet"], listed.Select(i => i.Path));
        Assert.All(listed, i => Assert.Equal(3, i.Size));
        Assert.Equal(4, (await Storage.ListAsync(StorageArea.Mart, null, Ct)).Count);
    }

    [Fact]
    public async Task An_empty_area_lists_nothing()
    {
        Assert.Empty(await Storage.ListAsync(StorageArea.Rejected, null, Ct));
        Assert.Empty(await Storage.ListAsync(StorageArea.Rejected, "dst/FOLK1A", Ct));
    }

    [Fact]
    public async Task Exists_and_delete_agree_and_a_second_delete_reports_nothing_to_delete()
    {
        await Storage.WriteAsync(StorageArea.Curated, "a/b.parquet", new byte[] { 9 }, Ct);
        Assert.True(await Storage.ExistsAsync(StorageArea.Curated, "a/b.parquet", Ct));
        Assert.True(await Storage.DeleteAsync(StorageArea.Curated, "a/b.parquet", Ct));
        Assert.False(await Storage.ExistsAsync(StorageArea.Curated, "a/b.parquet", Ct));
        Assert.False(await Storage.DeleteAsync(StorageArea.Curated, "a/b.parquet", Ct));
    }

    [Fact]
    public async Task Overwriting_replaces_the_whole_content()
    {
        await Storage.WriteAsync(StorageArea.Mart, "latest/manifest.json", new byte[1000], Ct);
        await Storage.WriteAsync(StorageArea.Mart, "latest/manifest.json", new byte[] { 7 }, Ct);
        Assert.Equal([7], await Storage.ReadAsync(StorageArea.Mart, "latest/manifest.json", Ct));
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("/absolute.csv")]
    [InlineData("a//b.csv")]
    [InlineData("a\\b.csv")]
    [InlineData("a/./b.csv")]
    [InlineData("")]
    [InlineData("bad\u0000name")]
    public async Task A_path_that_could_leave_its_area_is_refused_before_any_call(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Storage.WriteAsync(StorageArea.Inputs, path, new byte[] { 1 }, Ct));
    }
}

public sealed class LocalFolderStorageTests : StorageContractTests, IDisposable
{
    private readonly TempFolder _root = new();

    public LocalFolderStorageTests() =>
        Storage = PipelineStorage.Create(new StorageOptions { LocalRoot = _root.Path }, PipelineResilience.Storage(TestContext.FastResilience));

    protected override PipelineStorage Storage { get; }

    [Fact]
    public async Task Files_land_under_root_area_path_and_no_temporary_file_is_left()
    {
        await Storage.WriteAsync(StorageArea.Mart, "latest/fact_cashflow.parquet", new byte[] { 1 }, TestContext.Ct);
        Assert.True(File.Exists(Path.Combine(_root.Path, "mart", "latest", "fact_cashflow.parquet")));
        Assert.Single(Directory.GetFiles(Path.Combine(_root.Path, "mart", "latest")));
    }

    public void Dispose() => _root.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStorageTests(AzuriteFixture azurite) : StorageContractTests
{
    protected override PipelineStorage Storage { get; } = TestContext.AzuriteStorage(azurite);

    [Fact]
    public void The_store_is_the_blob_implementation_against_azurite() =>
        Assert.IsType<AzureBlobStorage>(Storage);
}
