namespace IntegrationCases.Engine.Cases;

/// <summary>The standard case catalogue (Cases/Data/*.json), in catalogue order.</summary>
public sealed class CaseCatalogue
{
    public static CaseCatalogue Standard => throw new NotImplementedException("engine: case catalogue");

    public IReadOnlyList<CaseDefinition> Cases => throw new NotImplementedException("engine: case catalogue");

    public bool TryGet(string caseId, out CaseDefinition definition) =>
        throw new NotImplementedException("engine: case catalogue");
}
