namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The answer of an uncertainty analysis in the shape of issue 12 (docs/api.md). Money is rounded to øre as
/// METHOD.md 6.7 rounds money; values of factors, shares and counts are not rounded.
/// </summary>
public sealed record UncertaintyResult(KeyFigures Base, IReadOnlyList<TornadoEntry> Tornado, MonteCarloSummary MonteCarlo);

/// <summary>The scenario's own net effect and net present value.</summary>
public sealed record KeyFigures(decimal NetEffectTotal, decimal Npv);

/// <summary>One factor at its low and high value with the others at 1.</summary>
public sealed record TornadoEntry(UncertaintyFactor Factor, TornadoEnd Low, TornadoEnd High)
{
    /// <summary>How far the net effect moves between the two ends: the tornado is sorted by it, largest first.</summary>
    public decimal Swing => Math.Abs(High.NetEffectTotal - Low.NetEffectTotal);
}

/// <summary>The factor's value as applied (the effect clamped to [0, λmax]) and the net effect there.</summary>
public sealed record TornadoEnd(double Value, decimal NetEffectTotal);

public sealed record MonteCarloSummary(
    int Draws,
    ulong Seed,
    DistributionSummary NetEffectTotal,
    DistributionSummary Npv,
    double ProbabilityNetPositive,
    double PaybackWithinHorizonShare,
    IReadOnlyList<HistogramBin> Histogram);

/// <summary>Percentiles (type 7, docs/api.md) and the mean of one money figure over the draws.</summary>
public sealed record DistributionSummary(decimal P5, decimal P10, decimal P50, decimal P90, decimal P95, decimal Mean);

/// <summary>One bin of the net effect's histogram: [From, To), the last bin [From, To].</summary>
public sealed record HistogramBin(decimal From, decimal To, int Count);
