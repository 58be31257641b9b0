using System.Text;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// Ingests one input file: decides its kind from the path, checks the bytes (hash, encoding, binary content),
/// parses and validates it row by row and returns the curated rows, or the errors. Never throws for bad content;
/// a file is accepted whole or rejected whole. Pure apart from reading <c>content</c> (and a temporary copy when
/// the stream cannot seek): writing reports and curated Parquet is the caller's business.
/// </summary>
public static class Ingestor
{
    /// <summary>Windows-1252, the fallback for files that are not valid UTF-8 (Excel exports, PX files).</summary>
    internal static Encoding Windows1252 { get; } = CodePage(1252);

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    public static async Task<IngestionOutcome> IngestAsync(string path, Stream content, IngestionContext? context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        context ??= IngestionContext.Default;
        var normalised = InputAddress.NormalisePath(path);
        var log = new IssueLog(normalised, context.MaxReportedIssues);
        var address = InputAddress.TryParse(normalised, context.ForcedKind, out var problem);
        var kind = address?.Kind ?? context.ForcedKind ?? "ukendt";

        Stream seekable = content;
        FileStream? temp = null;
        try
        {
            if (!content.CanSeek)
            {
                temp = new FileStream(Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                seekable = temp;
            }

            var start = seekable == content ? content.Position : 0;
            var inspection = await InputInspection.InspectAsync(content, temp, ct).ConfigureAwait(false);
            seekable.Position = start;
            if (address is null)
            {
                log.Error(problem!);
                return Outcome(normalised, kind, inspection.ContentHash, log, null);
            }

            CuratedData? curated = null;
            if (Precheck(inspection, address, log))
            {
                try
                {
                    curated = await ReadAsync(address, normalised, inspection, seekable, context, log, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
#pragma warning disable CA1031 // the last line of defence: no reader bug may turn bad content into an exception
                catch (Exception e)
#pragma warning restore CA1031
                {
                    log.Error($"Filen kunne ikke læses ({e.GetType().Name}: {e.Message}).");
                    curated = null;
                }
            }

            return Outcome(normalised, kind, inspection.ContentHash, log, curated);
        }
        finally
        {
            if (temp is not null)
            {
                await temp.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static IngestionOutcome Outcome(string path, string kind, string hash, IssueLog log, CuratedData? curated)
    {
        var accepted = !log.HasErrors && curated is not null;
        if (!accepted && !log.HasErrors)
        {
            log.Error("Filen blev afvist.");
        }

        return new IngestionOutcome(path, kind, hash, accepted, log.Errors, log.ErrorCount, log.Warnings, accepted ? curated : null)
        {
            WarningCount = log.WarningCount,
        };
    }

    private static bool Precheck(InputInspection inspection, InputAddress address, IssueLog log)
    {
        if (inspection.Length == 0)
        {
            log.Error("Filen er tom.");
            return false;
        }

        if (inspection.FirstNulOffset is { } nul)
        {
            log.Error(null, null, $"Filen indeholder binære data (en NUL-byte ved byte {nul}); den er ikke en tekstfil. Er den gemt som UTF-16, så gem den som UTF-8.");
            return false;
        }

        if (inspection.EndsInsideCharacter)
        {
            log.Error("Filen slutter midt i et UTF-8-tegn: den er afkortet.");
            return false;
        }

        var isJson = address.Area is InputAddress.Jobindsats or InputAddress.UnitPrices or InputAddress.Assumptions;
        if (isJson && !inspection.IsValidUtf8)
        {
            log.Error("Filen er ikke gyldig UTF-8. JSON-filer skal være UTF-8.");
            return false;
        }

        return true;
    }

    private static async Task<CuratedData?> ReadAsync(InputAddress address, string path, InputInspection inspection, Stream content, IngestionContext context, IssueLog log, CancellationToken ct)
    {
        var hash = inspection.ContentHash;
        switch (address.Area)
        {
            case InputAddress.Dst:
                var spec = DstTables.Find(address.Qualifier!);
                if (spec is null)
                {
                    log.Error(null, null, address.Qualifier, $"DST-tabellen {address.Qualifier} læses ikke. Understøttede tabeller: {string.Join(", ", DstTables.Supported)}.");
                    return null;
                }

                using (var text = OpenText(content, inspection, context, log))
                {
                    return DstReader.Read(text, text, spec, path, hash, log, context.Register);
                }

            case InputAddress.TargetGroups:
                using (var text = OpenText(content, inspection, context, log))
                {
                    return TargetGroupExtractReader.Read(text, text, path, hash, log, context.Register);
                }

            case InputAddress.Jobindsats:
                if (!JobindsatsCaseRule.Tables.Contains(address.Qualifier))
                {
                    log.Error(null, null, address.Qualifier, $"Jobindsats-tabellen {address.Qualifier} læses ikke. Understøttede tabeller: {string.Join(", ", JobindsatsCaseRule.Tables)}.");
                    return null;
                }

                var json = await ReadAllAsync(content, inspection, context, log, ct).ConfigureAwait(false);
                return json is null ? null : JobindsatsReader.Read(json, address.Qualifier!, path, hash, log, context.Register);

            case InputAddress.UnitPrices:
                var prices = await ReadAllAsync(content, inspection, context, log, ct).ConfigureAwait(false);
                return prices is null ? null : DocumentReaders.ReadUnitPrices(prices, address, path, hash, log);

            default:
                var assumptions = await ReadAllAsync(content, inspection, context, log, ct).ConfigureAwait(false);
                return assumptions is null ? null : DocumentReaders.ReadAssumptions(assumptions, address, path, hash, log, context.Register);
        }
    }

    private static LineGuardReader OpenText(Stream content, InputInspection inspection, IngestionContext context, IssueLog log)
    {
        Encoding encoding;
        if (inspection.IsValidUtf8)
        {
            encoding = new UTF8Encoding(false);
        }
        else
        {
            encoding = Windows1252;
            log.Warn("Filen er ikke gyldig UTF-8 og er læst som Windows-1252. Kontrollér, at æ, ø og å ser rigtige ud.");
        }

        var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: inspection.IsValidUtf8, bufferSize: 64 * 1024, leaveOpen: true);
        return new LineGuardReader(reader, context.MaxLineLength);
    }

    private static async Task<byte[]?> ReadAllAsync(Stream content, InputInspection inspection, IngestionContext context, IssueLog log, CancellationToken ct)
    {
        if (inspection.Length > context.MaxJsonBytes)
        {
            log.Error($"Filen fylder {inspection.Length} byte; JSON-filer må højst fylde {context.MaxJsonBytes} byte.");
            return null;
        }

        var bytes = new byte[inspection.Length];
        await content.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        return bytes;
    }
}
