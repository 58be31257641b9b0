namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// A factor's triangular distribution: minimum <see cref="Low"/> (≤ 1), mode 1, maximum <see cref="High"/> (≥ 1).
/// Low = High = 1 collapses it to the scenario's own value.
/// </summary>
public readonly record struct FactorRange(double Low, double High)
{
    /// <summary>The mode of every factor: the scenario as given is the most likely outcome (issue 12).</summary>
    public const double Mode = 1;

    /// <summary>The range with no uncertainty.</summary>
    public static FactorRange Collapsed { get; } = new(Mode, Mode);

    /// <summary>
    /// The inverse of the triangular CDF at <paramref name="u"/> in [0, 1): below the mode's probability
    /// F(1) = (1 − low) / (high − low) the left branch low + √(u (high − low)(1 − low)), else the right branch
    /// high − √((1 − u)(high − low)(high − 1)). One uniform gives one value, so the draws are a fixed function
    /// of the generator's stream.
    /// </summary>
    public double Quantile(double u)
    {
        var width = High - Low;
        if (width <= 0)
        {
            return Mode;
        }

        var modeProbability = (Mode - Low) / width;
        return u < modeProbability
            ? Low + Math.Sqrt(u * width * (Mode - Low))
            : High - Math.Sqrt((1 - u) * width * (High - Mode));
    }
}
