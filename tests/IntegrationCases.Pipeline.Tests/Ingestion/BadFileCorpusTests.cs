using System.Text;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>
/// The corpus of bad files (issue 3): each is rejected whole with a clear error naming the row, column and value
/// where there is one; none throws. Good variants (BOM or none, '..') are accepted.
/// </summary>
public sealed class BadFileCorpusTests
{
    private const string Header = "OMRÅDE;OPHGR1;TID;INDHOLD\n";

    public sealed record BadFile(string Name, string Path, byte[] Content, long? Row, string? Column, string? Value, string MessagePart)
    {
        public override string ToString() => Name;
    }

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    public static TheoryData<BadFile> Corpus() =>
    [
        new("empty file", "dst/INDOPH1/a.csv", [], null, null, null, "tom"),
        new("only a BOM", "dst/INDOPH1/a.csv", [0xEF, 0xBB, 0xBF], null, null, null, "tom"),
        new("header only", "dst/INDOPH1/a.csv", U(Header), 1, null, null, "kun en overskrift"),
        new("truncated last row", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;7120\n851;13;20"), 3, null, "851;13;20", "felter"),
        new("truncated inside a UTF-8 character", "dst/INDOPH1/a.csv", [.. U(Header + "101;13;2025;1\nK"), 0xC3], null, null, null, "afkortet"),
        new("comma delimiter", "dst/INDOPH1/a.csv", U("OMRÅDE,OPHGR1,TID,INDHOLD\n101,13,2025,7120\n"), 1, null, "OMRÅDE,OPHGR1,TID,INDHOLD", "skilletegn"),
        new("tab delimiter", "dst/INDOPH1/a.csv", U("OMRÅDE\tOPHGR1\tTID\tINDHOLD\n101\t13\t2025\t7120\n"), 1, null, null, "skilletegn"),
        new("decimal point", "dst/PSKAT/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2026;23.4\n"), 2, "INDHOLD", "23.4", "decimalpunktum"),
        new("mixed decimal comma and point", "dst/PSKAT/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2026;23,4\n147;2026;1.234,5\n"), 3, "INDHOLD", "1.234,5", "blander"),
        new("thousands separator", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;7.120\n"), 2, "INDHOLD", "7.120", "tusindtalsseparator"),
        new("thousands separator with space", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;7 120\n"), 2, "INDHOLD", "7 120", "tusindtalsseparator"),
        new("text in a number", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;mange\n"), 2, "INDHOLD", "mange", "ikke et tal"),
        new("negative count", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;-5\n"), 2, "INDHOLD", "-5", "negativt"),
        new("absurd count", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;99999999999\n"), 2, "INDHOLD", "99999999999", "urimeligt stort"),
        new("fractional count", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;12,5\n"), 2, "INDHOLD", "12,5", "helt tal"),
        new("absurd tax rate", "dst/PSKAT/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2026;250\n"), 2, "INDHOLD", "250", "skatteprocent"),
        new("tax rate for a quarter", "dst/PSKAT/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2026K1;25\n"), 2, "TID", "2026K1", "kalenderår"),
        new("duplicated row", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;7120\n147;13;2025;1\n101;13;2025;7120\n"), 4, null, "101;13;2025;7120", "gentagelse af række 2"),
        new("unknown municipality code", "dst/INDOPH1/a.csv", U(Header + "999;13;2025;5\n"), 2, "OMRÅDE", "999", "Ukendt kommunekode"),
        new("unknown municipality name", "dst/INDOPH1/a.csv", U(Header + "Atlantis;13;2025;5\n"), 2, "OMRÅDE", "Atlantis", "Ukendt"),
        new("missing column", "dst/INDOPH1/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2025;5\n"), 1, "OPHGR1", null, "mangler"),
        new("missing value column", "dst/FOLK1A/a.csv", U("OMRÅDE;TID\n101;2025\n"), 1, "INDHOLD", null, "mangler"),
        new("extra column in a row", "dst/INDOPH1/a.csv", U(Header + "101;13;2025;5;9\n"), 2, null, "101;13;2025;5;9", "5 felter"),
        new("duplicate header", "dst/INDOPH1/a.csv", U("OMRÅDE;OMRÅDE;OPHGR1;TID;INDHOLD\n"), 1, "OMRÅDE", null, "mere end én gang"),
        new("bad time code", "dst/INDOPH1/a.csv", U(Header + "101;13;2025X9;5\n"), 2, "TID", "2025X9", "Perioden"),
        new("period before the 2007 reform", "dst/INDOPH1/a.csv", U(Header + "101;13;2006;5\n"), 2, "TID", "2006", "2007"),
        new("only rows that are not municipalities", "dst/INDOPH1/a.csv", U(Header + "000;13;2025;5\n084;13;2025;5\n"), null, null, null, "ingen rækker"),
        new("unknown DST table", "dst/VAN1KVT/a.csv", U("OMRÅDE;TID;INDHOLD\n101;2025K1;5\n"), null, null, "VAN1KVT", "læses ikke"),
        new("path of no kind", "somewhere/a.csv", U("x"), null, null, null, "Stien passer ikke"),
        new("bad value in a row the table does not use", "dst/INDOPH1/a.csv", U(Header + "000;13;2025;12.5\n101;13;2025;5\n"), 2, "INDHOLD", "12.5", "decimalpunktum"),
        new("UTF-16 file", "dst/INDOPH1/a.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "101;13;2025;5\n")], null, null, null, "UTF-16"),
        new("binary content with NUL bytes", "dst/INDOPH1/a.csv", [0x4F, 0x00, 0x01, 0x02, 0xFF, 0x00], null, null, null, "binære data"),
        new("random bytes", "dst/INDOPH1/a.csv", RandomBytes(4096, 7, noNul: true), null, null, null, ""),
        new("random bytes as JSON", "jobindsats/Y35A02/a.json", RandomBytes(4096, 8, noNul: true), null, null, null, "UTF-8"),
        new("Jobindsats file that is not JSON", "jobindsats/Y35A02/a.json", U("Area;Periode\n"), 1, null, null, "ikke gyldig JSON"),
        new("truncated Jobindsats JSON", "jobindsats/Y35A02/a.json", U("""[{"Variables":[{"Label":"Area"}],"Data":[["Aarhus","2025M"""), null, null, null, "ikke gyldig JSON"),
        new("Jobindsats JSON of the wrong shape", "jobindsats/Y35A02/a.json", U("""{"rows":[]}"""), null, "Variables", null, "mangler"),
        new("unknown Jobindsats table", "jobindsats/Y38A02/a.json", U("[]"), null, null, "Y38A02", "læses ikke"),
        new("assumptions for a code that is not a municipality", "assumptions/411/a.json", U("""{"caseId":"NY-JOB-30"}"""), null, "kommunekode", "411", "98 kommuners"),
        new("unit prices that are not JSON", "unit-prices/a.json", U("{ id: 1"), 1, null, null, "ikke gyldig JSON"),
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_bad_file_is_rejected_whole_with_a_clear_error(BadFile file)
    {
        var outcome = await Ingest.Bytes(file.Path, file.Content);

        Assert.False(outcome.Accepted);
        Assert.Null(outcome.Curated);
        Assert.True(outcome.ErrorCount >= 1);
        var error = outcome.Errors.FirstOrDefault(e => e.Message.Contains(file.MessagePart, StringComparison.OrdinalIgnoreCase));
        Assert.True(error is not null, $"expected an error containing '{file.MessagePart}', got:{Environment.NewLine}{Ingest.Describe(outcome)}");
        Assert.Equal(InputAddress.NormalisePath(file.Path), error.File);
        if (file.Row is not null) Assert.Equal(file.Row, error.Row);
        if (file.Column is not null) Assert.Equal(file.Column, error.Column);
        if (file.Value is not null) Assert.Equal(file.Value, error.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_with_or_without_BOM_is_accepted_alike(bool bom)
    {
        var outcome = await Ingest.Text("dst/INDOPH1/a.csv", Header + "101;13;2025;7120\n", bom);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal("101", outcome.Curated!.TargetGroupCounts.Single().MunicipalityCode);
    }

    [Fact]
    public async Task Suppressed_cells_are_warnings_not_errors_and_count_as_unknown_not_zero()
    {
        var outcome = await Ingest.Text("dst/INDOPH1/a.csv", Header + "101;13;2025;..\n147;13;2025;\n151;13;2025;4\n");
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal([null, null, 4.0], outcome.Curated!.TargetGroupCounts.Select(c => c.Persons));
        Assert.Equal(2, outcome.Warnings.Count(w => w.Column == "INDHOLD"));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_ingested_the_same_way()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "101;13;2025;7120\n");
        using var stream = new ForwardOnlyStream(bytes);
        var outcome = await Ingestor.IngestAsync("dst/INDOPH1/a.csv", stream, null, CancellationToken.None);
        var seekable = await Ingest.Bytes("dst/INDOPH1/a.csv", bytes);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(seekable.ContentHash, outcome.ContentHash);
        Assert.Equal(seekable.Curated!.TargetGroupCounts, outcome.Curated!.TargetGroupCounts);
    }

    internal static byte[] RandomBytes(int length, int seed, bool noNul)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        if (noNul)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
            }
        }

        return bytes;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
