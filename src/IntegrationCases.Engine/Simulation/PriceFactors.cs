namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Multipliers of a scenario's own amounts that change prices but never masses: the investment's costs (one-off
/// and monthly), the ordinary effort's unit cost and the monthly earnings in a job. <see cref="One"/> is the
/// scenario itself. The effect multiplier is not among them: it changes the masses (<see cref="EffectSweep"/>).
/// </summary>
internal readonly record struct PriceFactors(double Cost, double EffortCost, double Earnings)
{
    public static PriceFactors One { get; } = new(1, 1, 1);
}
