namespace IntegrationCases.Pipeline.Mart;

/// <summary>One mart table: the same name and columns in Parquet, in Azure SQL schema <c>mart</c> and in Power BI.</summary>
public sealed record MartTable(string Name, string DanishName, string DanishDescription, IReadOnlyList<MartColumn> Columns)
{
    public IEnumerable<MartColumn> Keys => Columns.Where(c => c.IsKey);

    public MartColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"Table {Name} has no such column.");
}
