using IntegrationCases.Pipeline.Mart;
using IntegrationCases.PowerBi.Tests.Tmdl;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>The committed semantic model, read once, and how its tables map onto the mart schema.</summary>
public static class ModelUnderTest
{
    private static readonly Lazy<TmdlModel> Loaded = new(() => TmdlModel.Load(RepoPaths.SemanticModelDefinition));

    public static TmdlModel Model => Loaded.Value;

    /// <summary>The mart table a model table loads, from its 'annotation MartTable = ...'; null for model-only tables.</summary>
    public static MartTable? MartTableOf(TmdlNode table)
    {
        var annotation = table.ChildrenOf("annotation").SingleOrDefault(a => a.Name == "MartTable");
        return annotation is null ? null : MartSchema.Tables.SingleOrDefault(t => t.Name == annotation.Expression)
            ?? throw new InvalidDataException($"{table}: annotation MartTable names '{annotation.Expression}', which is not in MartSchema");
    }

    public static IEnumerable<(TmdlNode Table, MartTable Mart)> MartTables =>
        Model.Tables.Select(t => (Table: t, Mart: MartTableOf(t))).Where(p => p.Mart is not null).Select(p => (p.Table, p.Mart!));

    /// <summary>The TMDL data types a mart type may load into (money as fixed decimal, never double).</summary>
    public static string TmdlDataType(MartType type) => type switch
    {
        MartType.Text => "string",
        MartType.Int32 => "int64",
        MartType.Money => "decimal",
        MartType.Double => "double",
        MartType.Date or MartType.TimestampUtc => "dateTime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unmapped mart type"),
    };

    /// <summary>The Power Query type each mart type is converted to in the partition query.</summary>
    public static string MType(MartType type) => type switch
    {
        MartType.Text => "type text",
        MartType.Int32 => "Int64.Type",
        MartType.Money => "Currency.Type",
        MartType.Double => "type number",
        MartType.Date => "type date",
        MartType.TimestampUtc => "type datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unmapped mart type"),
    };

    public static TmdlNode Partition(TmdlNode table) => Assert.Single(table.ChildrenOf("partition"));

    public static void NoFailures(IEnumerable<string> failures)
    {
        var list = failures.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):\n" + string.Join("\n", list));
    }
}
