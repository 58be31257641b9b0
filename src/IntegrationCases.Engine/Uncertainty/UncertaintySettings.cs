using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The request's ranges, draws and seed with the case's defaults filled in and checked: each low end in [0, 1],
/// each high end in [1, 100], draws 1 to 100,000. Messages are Danish and name the path, the value and the
/// allowed range, as for a scenario.
/// </summary>
internal sealed record UncertaintySettings(IReadOnlyList<FactorRange> Ranges, int Draws, ulong Seed)
{
    /// <summary>The largest high end: the break-even search's ceiling on λ, and far beyond any meaningful range; keeps every amount finite.</summary>
    public const double MaxMultiplier = BreakEven.LambdaCeiling;

    public FactorRange For(UncertaintyFactor factor) => Ranges[(int)factor];

    /// <summary>
    /// The settings, or null with the errors. Without <paramref name="defaults"/> (an unknown case) the given
    /// values are still checked, so that every error is reported at once.
    /// </summary>
    public static UncertaintySettings? Resolve(UncertaintyRequest request, CaseUncertaintyRanges? defaults, List<ValidationError> errors)
    {
        var ranges = new FactorRange[UncertaintyFactors.All.Count];
        foreach (var factor in UncertaintyFactors.All)
        {
            var given = request.Ranges?.For(factor);
            var fallback = defaults is null ? null : Default(defaults, factor);
            var path = $"ranges.{factor.JsonName()}";
            var low = given?.Low ?? fallback?.Low;
            var high = given?.High ?? fallback?.High;
            Check(errors, $"{path}.low", low, 0, FactorRange.Mode, $"Den lave ende af {factor.DanishName()}", "den lave ende ligger højst ved typeværdien 1");
            Check(errors, $"{path}.high", high, FactorRange.Mode, MaxMultiplier, $"Den høje ende af {factor.DanishName()}", "den høje ende ligger mindst ved typeværdien 1");
            ranges[(int)factor] = new FactorRange(low ?? FactorRange.Mode, high ?? FactorRange.Mode);
        }

        var draws = request.Draws ?? UncertaintyRequest.DefaultDraws;
        if (draws is < 1 or > UncertaintyRequest.MaxDraws)
        {
            errors.Add(new("draws", $"Antallet af trækninger er {draws}; tilladt er heltal fra 1 til {UncertaintyRequest.MaxDraws}."));
        }

        return errors.Count > 0 || defaults is null
            ? null
            : new UncertaintySettings(ranges, (int)draws, request.Seed ?? UncertaintyRequest.DefaultSeed);
    }

    private static CaseFactorRange Default(CaseUncertaintyRanges defaults, UncertaintyFactor factor) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => defaults.EffectMultiplier,
        UncertaintyFactor.CostMultiplier => defaults.CostMultiplier,
        UncertaintyFactor.EarningsMultiplier => defaults.EarningsMultiplier,
        UncertaintyFactor.EffortCostMultiplier => defaults.EffortCostMultiplier,
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };

    private static void Check(List<ValidationError> errors, string path, double? value, double min, double max, string what, string why)
    {
        if (value is not { } v || (double.IsFinite(v) && v >= min && v <= max))
        {
            return;
        }

        errors.Add(new(path, $"{what} er {Danish.Number(v)}; tilladt er [{Danish.Number(min)}; {Danish.Number(max)}] ({why})."));
    }
}
