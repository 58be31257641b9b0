using System.Text;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Scenarios;
using Parquet;
using Parquet.Schema;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The curated layer on disk: one Parquet file per accepted input (<c>curated/&lt;kind&gt;/&lt;name&gt;.parquet</c>),
/// one row per normalised record with its lineage (source path, content hash, row). One flat schema serves every
/// kind (<c>record_type</c> says which); JSON inputs (unit prices, assumptions) are kept verbatim and parsed again
/// on reading. The same data gives the same bytes.
/// </summary>
public static class CuratedParquet
{
    public const string TargetGroupRecord = "target_group";
    public const string TaxRateRecord = "tax_rate";
    public const string PopulationRecord = "population";
    public const string DocumentRecord = "document";

    private const int RowGroupSize = 100_000;

    private static readonly DataField<string> RecordType = new("record_type", nullable: false);
    private static readonly DataField<string> Municipality = new("municipality_code", nullable: true);
    private static readonly DataField<string> TargetGroup = new("target_group", nullable: true);
    private static readonly DataField<string> Period = new("period", nullable: true);
    private static readonly DataField<int?> Year = new("year");
    private static readonly DataField<double?> FullTime = new("full_time_persons");
    private static readonly DataField<double?> Persons = new("persons");
    private static readonly DataField<double?> Rate = new("rate");
    private static readonly DataField<string> Source = new("source", nullable: true);
    private static readonly DataField<string> DocumentKind = new("document_kind", nullable: true);
    private static readonly DataField<string> DocumentName = new("document_name", nullable: true);
    private static readonly DataField<string> DocumentJson = new("document_json", nullable: true);
    private static readonly DataField<string> SourcePath = new("source_path", nullable: false);
    private static readonly DataField<string> ContentHash = new("content_hash", nullable: false);
    private static readonly DataField<long> Row = new("row", nullable: false);

    public static ParquetSchema Schema { get; } = new(
        RecordType, Municipality, TargetGroup, Period, Year, FullTime, Persons, Rate, Source,
        DocumentKind, DocumentName, DocumentJson, SourcePath, ContentHash, Row);

    /// <summary>Where the curated file of an input goes: <c>curated/dst/INDOPH1/2025.parquet</c>.</summary>
    public static string CuratedPath(string inputPath)
    {
        var p = InputAddress.NormalisePath(inputPath);
        return $"curated/{Path.ChangeExtension(p, ".parquet")}";
    }

    public static async Task WriteAsync(CuratedData data, Stream output, CancellationToken ct)
    {
        var rows = Flatten(data).ToList();
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, cancellationToken: ct).ConfigureAwait(false);
        for (var start = 0; start == 0 || start < rows.Count; start += RowGroupSize)
        {
            var chunk = rows.GetRange(start, Math.Min(RowGroupSize, rows.Count - start));
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(RecordType, chunk.Select(r => r.Type).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Municipality, chunk.Select(r => r.Municipality).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(TargetGroup, chunk.Select(r => r.TargetGroup).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Period, chunk.Select(r => r.Period).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(Year, chunk.Select(r => r.Year).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<double>(FullTime, chunk.Select(r => r.FullTime).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<double>(Persons, chunk.Select(r => r.Persons).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<double>(Rate, chunk.Select(r => r.Rate).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(Source, chunk.Select(r => r.Source).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(DocumentKind, chunk.Select(r => r.DocumentKind).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(DocumentName, chunk.Select(r => r.DocumentName).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(DocumentJson, chunk.Select(r => r.DocumentJson).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(SourcePath, chunk.Select(r => r.Lineage.SourcePath).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(ContentHash, chunk.Select(r => r.Lineage.ContentHash).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<long>(Row, chunk.Select(r => r.Lineage.Row).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            group.CompleteValidate();
        }
    }

    public static async Task<CuratedData> ReadAsync(Stream input, CancellationToken ct)
    {
        var records = new Records();
        await using var reader = await ParquetReader.CreateAsync(input, cancellationToken: ct).ConfigureAwait(false);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            records.Add(await ReadColumnsAsync(group, ct).ConfigureAwait(false));
        }

        return records.ToCuratedData();
    }

    /// <summary>A row group's columns, read whole: row i of the group is index i of every array.</summary>
    private sealed record Columns(
        int Count, string?[] Type, string?[] Municipality, string?[] TargetGroup, string?[] Period, int?[] Year,
        double?[] FullTime, double?[] Persons, double?[] Rate, string?[] Source, string?[] DocumentKind,
        string?[] DocumentName, string?[] DocumentJson, string?[] SourcePath, string?[] ContentHash, long[] Row);

    private static async Task<Columns> ReadColumnsAsync(ParquetRowGroupReader group, CancellationToken ct)
    {
        var n = (int)group.RowCount;
        async Task<string?[]> Strings(DataField<string> f)
        {
            var a = new string?[n];
            await group.ReadAsync(f, a.AsMemory()!, cancellationToken: ct).ConfigureAwait(false);
            return a;
        }

        async Task<T?[]> Values<T>(DataField f)
            where T : struct
        {
            var a = new T?[n];
            await group.ReadAsync<T>(f, a.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return a;
        }

        var type = await Strings(RecordType).ConfigureAwait(false);
        var muni = await Strings(Municipality).ConfigureAwait(false);
        var tg = await Strings(TargetGroup).ConfigureAwait(false);
        var period = await Strings(Period).ConfigureAwait(false);
        var year = await Values<int>(Year).ConfigureAwait(false);
        var fte = await Values<double>(FullTime).ConfigureAwait(false);
        var persons = await Values<double>(Persons).ConfigureAwait(false);
        var rate = await Values<double>(Rate).ConfigureAwait(false);
        var source = await Strings(Source).ConfigureAwait(false);
        var dKind = await Strings(DocumentKind).ConfigureAwait(false);
        var dName = await Strings(DocumentName).ConfigureAwait(false);
        var dJson = await Strings(DocumentJson).ConfigureAwait(false);
        var path = await Strings(SourcePath).ConfigureAwait(false);
        var hash = await Strings(ContentHash).ConfigureAwait(false);
        var row = new long[n];
        await group.ReadAsync<long>(Row, row.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        return new Columns(n, type, muni, tg, period, year, fte, persons, rate, source, dKind, dName, dJson, path, hash, row);
    }

    /// <summary>The records of a curated file, by kind, gathered row group by row group.</summary>
    private sealed class Records
    {
        private readonly List<TargetGroupCount> _counts = [];
        private readonly List<MunicipalTaxRate> _rates = [];
        private readonly List<PopulationCount> _population = [];
        private readonly List<SourceDocument> _documents = [];

        public void Add(Columns c)
        {
            for (var i = 0; i < c.Count; i++)
            {
                var lineage = new Lineage(c.SourcePath[i]!, c.ContentHash[i]!, c.Row[i]);
                switch (c.Type[i])
                {
                    case TargetGroupRecord:
                        _counts.Add(new TargetGroupCount(c.Municipality[i]!, c.TargetGroup[i]!, c.Period[i]!, c.FullTime[i], c.Persons[i], c.Source[i]!, lineage));
                        break;
                    case TaxRateRecord:
                        _rates.Add(new MunicipalTaxRate(c.Municipality[i]!, c.Year[i]!.Value, c.Rate[i]!.Value, lineage));
                        break;
                    case PopulationRecord:
                        _population.Add(new PopulationCount(c.Municipality[i]!, c.Period[i]!, c.Persons[i]!.Value, lineage));
                        break;
                    case DocumentRecord:
                        _documents.Add(new SourceDocument(c.DocumentKind[i]!, c.Municipality[i], c.DocumentName[i]!, c.DocumentJson[i]!, lineage));
                        break;
                    default:
                        throw new InvalidDataException($"Unknown curated record type '{c.Type[i]}'.");
                }
            }
        }

        /// <summary>The data, with the JSON documents parsed again: unit prices into a parameter store, assumptions into scenarios.</summary>
        public CuratedData ToCuratedData()
        {
            var prices = _documents.Where(d => d.Kind == InputAddress.UnitPrices).ToList();
            var assumptions = _documents.Where(d => d.Kind == InputAddress.Assumptions).Select(d =>
            {
                var outcome = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes(d.Json), d.MunicipalityCode!);
                return outcome.Scenario is { } s
                    ? new MunicipalAssumption(d.MunicipalityCode!, d.Name, s, d.Lineage)
                    : throw new InvalidDataException($"Curated assumptions {d.Lineage.SourcePath} no longer parse: {string.Join("; ", outcome.Errors.Select(e => e.Path + ": " + e.Message))}");
            }).ToList();
            return new CuratedData(
                _counts, _rates, _population, assumptions,
                prices.Count == 0 ? null : ParameterStore.Parse(prices.Select(d => new KeyValuePair<string, string>(d.Name + ".json", d.Json))))
            {
                Documents = _documents,
            };
        }
    }

    private sealed record Flat(
        string Type, string? Municipality, string? TargetGroup, string? Period, int? Year, double? FullTime, double? Persons,
        double? Rate, string? Source, string? DocumentKind, string? DocumentName, string? DocumentJson, Lineage Lineage);

    private static IEnumerable<Flat> Flatten(CuratedData d)
    {
        foreach (var c in d.TargetGroupCounts)
        {
            yield return new Flat(TargetGroupRecord, c.MunicipalityCode, c.TargetGroup, c.Period, null, c.FullTimePersons, c.Persons, null, c.Source, null, null, null, c.Lineage);
        }

        foreach (var r in d.TaxRates)
        {
            yield return new Flat(TaxRateRecord, r.MunicipalityCode, null, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Year, null, null, r.Rate, null, null, null, null, r.Lineage);
        }

        foreach (var p in d.Population)
        {
            yield return new Flat(PopulationRecord, p.MunicipalityCode, null, p.Period, null, null, p.Persons, null, null, null, null, null, p.Lineage);
        }

        foreach (var doc in d.Documents)
        {
            yield return new Flat(DocumentRecord, doc.MunicipalityCode, null, null, null, null, null, null, null, doc.Kind, doc.Name, doc.Json, doc.Lineage);
        }
    }
}
