using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// Builds the engine's context: every municipality of the register, with its facts where data has them, and the
/// start date of a scenario that gives none (a host's <see cref="BudgetYear.FirstDay"/>, or a run's start date).
/// </summary>
public static class EvaluationContextFactory
{
    public static EvaluationContext Create(
        ParameterStore parameters,
        DateOnly defaultStartDate,
        IReadOnlyDictionary<string, MunicipalityFacts>? facts = null,
        MunicipalityRegister? register = null,
        CaseCatalogue? catalogue = null)
    {
        register ??= MunicipalityRegister.Default;
        var municipalities = register.All.ToDictionary(
            m => m.Code,
            m => facts is not null && facts.TryGetValue(m.Code, out var f)
                ? f
                : new MunicipalityFacts(m.Code, m.Name, new Dictionary<string, double>(), new Dictionary<int, double>()),
            StringComparer.Ordinal);
        return new EvaluationContext(parameters, catalogue ?? CaseCatalogue.Standard, municipalities) { DefaultStartDate = defaultStartDate };
    }
}
