using Parquet;
using Parquet.Schema;

namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// Writes one mart table as Parquet, driven by <see cref="MartSchema"/>: Text = UTF-8 string, Int32 = INT32,
/// Money = DECIMAL(18,2), Double = DOUBLE, Date = DATE, TimestampUtc = TIMESTAMP(MILLIS, UTC). One row group,
/// Snappy, no wall-clock metadata: the same rows give the same bytes.
/// </summary>
public static class MartParquetWriter
{
    public const int MoneyPrecision = 18;
    public const int MoneyScale = 2;

    public static ParquetSchema SchemaOf(MartTable table) => new(table.Columns.Select(FieldOf));

    public static async Task<byte[]> WriteAsync(MartTableData data, CancellationToken cancellationToken)
    {
        var schema = SchemaOf(data.Table);
        using var stream = new MemoryStream();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            var fields = schema.DataFields;
            for (var c = 0; c < fields.Length; c++)
            {
                await WriteColumnAsync(group, fields[c], data.Table.Columns[c], data, c, cancellationToken).ConfigureAwait(false);
            }

            group.CompleteValidate();
        }

        return stream.ToArray();
    }

    private static DataField FieldOf(MartColumn column) => column.Type switch
    {
        MartType.Text => new DataField<string>(column.Name, column.Nullable),
        MartType.Int32 => new DataField(column.Name, typeof(int), column.Nullable),
        MartType.Money => new DecimalDataField(column.Name, MoneyPrecision, MoneyScale, forceByteArrayEncoding: false, isNullable: column.Nullable),
        MartType.Double => new DataField(column.Name, typeof(double), column.Nullable),
        MartType.Date => new DataField(column.Name, typeof(DateOnly), column.Nullable),
        MartType.TimestampUtc => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: column.Nullable),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown mart type."),
    };

    private static Task WriteColumnAsync(
        ParquetRowGroupWriter group, DataField field, MartColumn column, MartTableData data, int index, CancellationToken cancellationToken)
    {
        var rows = data.Rows;
        return column.Type switch
        {
            MartType.Text => group.WriteAsync(field, rows.Select(r => (string?)r[index]).ToArray()!),
            MartType.Int32 => Write(group, field, column, rows.Select(r => (int?)r[index]), cancellationToken),
            MartType.Money => Write(group, field, column, rows.Select(r => (decimal?)r[index]), cancellationToken),
            MartType.Double => Write(group, field, column, rows.Select(r => (double?)r[index]), cancellationToken),
            MartType.Date => Write(group, field, column, rows.Select(r => (DateOnly?)r[index]), cancellationToken),
            MartType.TimestampUtc => Write(group, field, column, rows.Select(r => ((DateTimeOffset?)r[index])?.UtcDateTime), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown mart type."),
        };
    }

    private static Task Write<T>(ParquetRowGroupWriter group, DataField field, MartColumn column, IEnumerable<T?> values, CancellationToken cancellationToken)
        where T : struct
    {
        if (column.Nullable)
        {
            return group.WriteAsync<T>(field, new ReadOnlyMemory<T?>([.. values]), null, null, cancellationToken);
        }

        return group.WriteAsync<T>(field, new ReadOnlyMemory<T>([.. values.Select(v => v!.Value)]), null, null, cancellationToken);
    }
}
