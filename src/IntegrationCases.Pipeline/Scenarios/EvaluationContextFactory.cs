using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>Builds the engine's context: every municipality of the register, with its facts where data has them.</summary>
public static class EvaluationContextFactory
{
    public static EvaluationContext Create(
        ParameterStore parameters,
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
        return new EvaluationContext(parameters, catalogue ?? CaseCatalogue.Standard, municipalities);
    }

    /// <summary>
    /// The default start date of METHOD.md section 2 for a host with a clock: 1 January of the next calendar
    /// year (the budget year being planned). Use as <c>context with { DefaultStartDate = ... }</c>; without
    /// it the engine falls back to 1 January of the year after the parameter store's latest value.
    /// </summary>
    public static DateOnly NextBudgetYear(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new DateOnly(clock.GetLocalNow().Year + 1, 1, 1);
    }
}
