namespace IntegrationCases.PowerBi.Tests.Tmdl;

/// <summary>
/// One TMDL object: its kind (table, column, measure, ...), name, the text after '=' (a DAX or M expression,
/// or a partition's source type), its '///' description, its 'key: value' properties and bare flags, and children.
/// </summary>
public sealed class TmdlNode(string kind, string name, string file, int line)
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>The default property: the text after '=' on the declaration, or its multi-line body.</summary>
    public string? Expression { get; set; }

    /// <summary>The file line where <see cref="Expression"/> starts (the declaration line for a one-line value).</summary>
    public int ExpressionLine { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Properties whose value is an expression body ('source =' of a partition).</summary>
    public Dictionary<string, string> ExpressionProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>The file line where each expression property's value starts.</summary>
    public Dictionary<string, int> ExpressionPropertyLines { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public List<TmdlNode> Children { get; } = [];

    public string? Property(string key) => Properties.GetValueOrDefault(key);

    public bool Has(string flag) => Flags.Contains(flag);

    public IEnumerable<TmdlNode> ChildrenOf(string kind) => Children.Where(c => c.Kind == kind);

    public string Where => $"{File}:{Line}";

    public override string ToString() => $"{Kind} {Name} ({Where})";
}
