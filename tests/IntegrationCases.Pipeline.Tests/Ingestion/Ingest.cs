using System.Text;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>Runs the real ingestor over text or bytes held in a test.</summary>
internal static class Ingest
{
    public static Task<IngestionOutcome> Text(string path, string text, bool bom = false, IngestionContext? context = null) =>
        Bytes(path, bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text), context);

    public static async Task<IngestionOutcome> Bytes(string path, byte[] bytes, IngestionContext? context = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await Ingestor.IngestAsync(path, stream, context, CancellationToken.None);
    }

    /// <summary>The repository root (where Functions.sln is), for the committed sample inputs.</summary>
    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        // The build output may live outside the repository (--artifacts-path), so start from this source file.
        var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test folder.");
    }

    public static string Describe(IngestionOutcome o) =>
        string.Join(Environment.NewLine, o.Errors.Concat(o.Warnings).Select(IngestionReport.Line));
}
