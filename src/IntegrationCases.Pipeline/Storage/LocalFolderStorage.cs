using Polly;

namespace IntegrationCases.Pipeline.Storage;

/// <summary>
/// Storage in a local folder: <c>&lt;root&gt;/&lt;area&gt;/&lt;path&gt;</c>. A write goes to a temporary file beside the
/// target and is renamed over it, so a reader (or a crash) never sees a half-written file.
/// </summary>
public sealed class LocalFolderStorage : PipelineStorage
{
    private const string TempSuffix = ".partial";
    private readonly string _root;

    public LocalFolderStorage(StorageOptions options, ResiliencePipeline pipeline)
        : base(options, pipeline)
    {
        _root = Path.GetFullPath(options.LocalRoot ?? throw new ArgumentException("LocalRoot is required.", nameof(options)));
    }

    public override string Location => _root;

    /// <summary>The file system path of a stored file (for the CLI summary and tests).</summary>
    public string FullPath(StorageArea area, string path) =>
        Path.Combine(_root, AreaName(area), StoragePath.Normalise(path).Replace('/', Path.DirectorySeparatorChar));

    protected override async ValueTask<byte[]?> ReadCoreAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        var file = FullPath(area, path);
        try
        {
            return await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    protected override async ValueTask WriteCoreAsync(StorageArea area, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var file = FullPath(area, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    protected override ValueTask<IReadOnlyList<StoredItem>> ListCoreAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var areaRoot = Path.Combine(_root, AreaName(area));
        var folder = Path.Combine(areaRoot, prefix.Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult<IReadOnlyList<StoredItem>>([]);
        }

        var items = new List<StoredItem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(file);
            var relative = Path.GetRelativePath(areaRoot, file).Replace(Path.DirectorySeparatorChar, '/');
            items.Add(new StoredItem(relative, info.Length, null));
        }

        return ValueTask.FromResult<IReadOnlyList<StoredItem>>(items);
    }

    protected override ValueTask<bool> ExistsCoreAsync(StorageArea area, string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(File.Exists(FullPath(area, path)));

    protected override ValueTask<bool> DeleteCoreAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        var file = FullPath(area, path);
        if (!File.Exists(file))
        {
            return ValueTask.FromResult(false);
        }

        File.Delete(file);
        return ValueTask.FromResult(true);
    }
}
