namespace IntegrationCases.Engine.Cases;

/// <summary>The standard case catalogue (Cases/Data/*.json), in catalogue order.</summary>
public sealed class CaseCatalogue
{
    private static readonly Lazy<CaseCatalogue> BuiltIn = new(LoadBuiltIn);
    private readonly Dictionary<string, CaseDefinition> byId;

    public CaseCatalogue(IEnumerable<CaseDefinition> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        Cases = [.. cases];
        byId = new Dictionary<string, CaseDefinition>(StringComparer.Ordinal);
        foreach (var definition in Cases)
        {
            if (!byId.TryAdd(definition.Id, definition))
            {
                throw new ArgumentException($"Case '{definition.Id}' appears twice.", nameof(cases));
            }
        }
    }

    public static CaseCatalogue Standard => BuiltIn.Value;

    public IReadOnlyList<CaseDefinition> Cases { get; }

    public bool TryGet(string caseId, out CaseDefinition definition)
    {
        if (caseId is not null && byId.TryGetValue(caseId, out var found))
        {
            definition = found;
            return true;
        }

        definition = null!;
        return false;
    }

    private static CaseCatalogue LoadBuiltIn()
    {
        var assembly = typeof(CaseCatalogue).Assembly;
        var documents = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("cases/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => new KeyValuePair<string, string>(n, Parameters.ParameterStore.ReadResource(assembly, n)));
        return CaseDocumentReader.ReadCatalogue(documents);
    }
}
