using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The three numbers a Monte Carlo draw needs, unrounded, without yearly blocks, KPI records or the break-even
/// search: the net effect total, the NPV, and whether the investment pays back within the horizon (the
/// result's <c>paybackMonth</c> is not null). The same sums as the full result, so the same doubles.
/// </summary>
internal readonly record struct LeanResult(double NetEffectTotal, double Npv, bool PaysBack)
{
    /// <summary>The lean result of a prepared scenario: its <see cref="LeanResponse"/> at factors of one.</summary>
    public static LeanResult Of(ScenarioEvaluator.Prepared prepared)
    {
        var sweep = new EffectSweep(prepared);
        var response = new double[sweep.ResponseLength];
        sweep.AtOwnEffect(response);
        return LeanResponse.At(response, PriceFactors.One, new double[sweep.Groups.Count], sweep.Groups.Discount);
    }
}
