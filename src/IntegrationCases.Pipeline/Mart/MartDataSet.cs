namespace IntegrationCases.Pipeline.Mart;

/// <summary>Every mart table of one run, in <see cref="MartSchema.Tables"/> order.</summary>
public sealed class MartDataSet
{
    public MartDataSet(string runId, IReadOnlyList<MartTableData> tables)
    {
        var names = tables.Select(t => t.Table.Name).ToList();
        var expected = MartSchema.Tables.Select(t => t.Name).ToList();
        if (!names.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ArgumentException($"A mart data set needs the tables {string.Join(", ", expected)} in that order.", nameof(tables));
        }

        RunId = runId;
        Tables = tables;
    }

    public string RunId { get; }

    public IReadOnlyList<MartTableData> Tables { get; }

    public MartTableData this[string table] => Tables.First(t => t.Table.Name == table);

    public IReadOnlyDictionary<string, int> RowCounts =>
        Tables.ToDictionary(t => t.Table.Name, t => t.Rows.Count, StringComparer.Ordinal);
}
