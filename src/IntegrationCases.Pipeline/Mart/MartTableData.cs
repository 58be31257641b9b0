namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// The rows of one mart table, each an array in the table's column order. Values are typed by
/// <see cref="MartType"/>: Text = string, Int32 = int, Money = decimal (at most 2 decimals), Double = double,
/// Date = DateOnly, TimestampUtc = DateTimeOffset. The constructor checks every value against the schema, so a
/// writer never meets a surprise; it names table, row and column.
/// </summary>
public sealed class MartTableData
{
    public MartTableData(MartTable table, IReadOnlyList<object?[]> rows)
    {
        Table = table;
        Rows = rows;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length != table.Columns.Count)
            {
                throw new ArgumentException($"{table.Name} row {r}: {row.Length} values for {table.Columns.Count} columns.", nameof(rows));
            }

            for (var c = 0; c < row.Length; c++)
            {
                Check(table, table.Columns[c], r, row[c]);
            }
        }
    }

    public MartTable Table { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The values of one column, in row order.</summary>
    public IEnumerable<object?> Column(string name)
    {
        var index = IndexOf(name);
        return Rows.Select(r => r[index]);
    }

    public int IndexOf(string columnName)
    {
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            if (Table.Columns[i].Name == columnName)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(columnName), columnName, $"Table {Table.Name} has no such column.");
    }

    private static void Check(MartTable table, MartColumn column, int row, object? value)
    {
        if (value is null)
        {
            if (!column.Nullable)
            {
                throw new ArgumentException($"{table.Name} row {row}: {column.Name} may not be empty.");
            }

            return;
        }

        var ok = column.Type switch
        {
            MartType.Text => value is string s && (column.MaxLength == 0 || s.Length <= column.MaxLength),
            MartType.Int32 => value is int,
            MartType.Money => value is decimal d && decimal.Round(d, 2) == d && Math.Abs(d) < 1e16m,
            MartType.Double => value is double x && double.IsFinite(x),
            MartType.Date => value is DateOnly,
            MartType.TimestampUtc => value is DateTimeOffset o && o.Offset == TimeSpan.Zero,
            _ => false,
        };
        if (!ok)
        {
            throw new ArgumentException(
                $"{table.Name} row {row}: {column.Name} = '{value}' ({value.GetType().Name}) does not fit {column.Type}" +
                (column.MaxLength > 0 ? $" (max {column.MaxLength} characters)." : "."));
        }
    }
}
