namespace IntegrationCases.PowerBi.Tests.Tmdl;

/// <summary>A semantic model read from a TMDL 'definition' folder: its tables, relationships and shared expressions.</summary>
public sealed class TmdlModel
{
    private TmdlModel(TmdlNode database, TmdlNode model, IReadOnlyList<TmdlNode> tables, IReadOnlyList<TmdlNode> relationships,
        IReadOnlyList<TmdlNode> expressions, IReadOnlyList<string> tableRefs)
    {
        Database = database;
        Model = model;
        Tables = tables;
        Relationships = relationships;
        Expressions = expressions;
        TableRefs = tableRefs;
    }

    public TmdlNode Database { get; }

    public TmdlNode Model { get; }

    public IReadOnlyList<TmdlNode> Tables { get; }

    public IReadOnlyList<TmdlNode> Relationships { get; }

    public IReadOnlyList<TmdlNode> Expressions { get; }

    /// <summary>The 'ref table' lines of model.tmdl, in order.</summary>
    public IReadOnlyList<string> TableRefs { get; }

    public IEnumerable<TmdlNode> Columns => Tables.SelectMany(t => t.ChildrenOf("column"));

    public IEnumerable<TmdlNode> Measures => Tables.SelectMany(t => t.ChildrenOf("measure"));

    public TmdlNode? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    public TmdlNode? Column(string table, string column) => Table(table)?.ChildrenOf("column").FirstOrDefault(c => c.Name == column);

    public TmdlNode? Measure(string table, string measure) => Table(table)?.ChildrenOf("measure").FirstOrDefault(m => m.Name == measure);

    /// <summary>Reads every *.tmdl file under <paramref name="definitionFolder"/>; fails on duplicates and misplaced objects.</summary>
    public static TmdlModel Load(string definitionFolder)
    {
        var nodes = Directory.EnumerateFiles(definitionFolder, "*.tmdl", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => TmdlReader.Read(File.ReadAllText(f), Path.GetRelativePath(definitionFolder, f)))
            .ToList();

        TmdlNode Single(string kind) => nodes.Count(n => n.Kind == kind) == 1
            ? nodes.Single(n => n.Kind == kind)
            : throw new InvalidDataException($"expected exactly one '{kind}' object, found {nodes.Count(n => n.Kind == kind)}");

        var tables = nodes.Where(n => n.Kind == "table").ToList();
        var duplicate = tables.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"table '{duplicate.Key}' is defined twice: {string.Join(", ", duplicate.Select(t => t.Where))}");
        }

        foreach (var table in tables)
        {
            var dup = table.Children.Where(c => c.Kind is "column" or "measure").GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
            {
                throw new InvalidDataException($"table '{table.Name}' has two objects named '{dup.Key}'");
            }
        }

        var model = Single("model");
        var refs = nodes.Where(n => n.Kind == "ref table").ToList();
        if (refs.Any(r => r.File != model.File))
        {
            throw new InvalidDataException("'ref table' lines belong in the file of the model object");
        }

        return new TmdlModel(Single("database"), model, tables, nodes.Where(n => n.Kind == "relationship").ToList(),
            nodes.Where(n => n.Kind == "expression").ToList(), refs.Select(r => r.Name).ToList());
    }
}
