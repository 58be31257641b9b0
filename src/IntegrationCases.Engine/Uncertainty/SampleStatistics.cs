using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The summaries of the Monte Carlo draws, on unrounded values, rounded to øre once at the end (METHOD.md 6.7).
/// Definitions (docs/api.md): percentiles by linear interpolation between order statistics (Hyndman and Fan's
/// type 7, the default of R and Excel's PERCENTILE.INC); the mean as a shifted sum; a histogram of equal-width bins
/// from the smallest to the largest draw.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>The histogram's number of bins (issue 12).</summary>
    public const int HistogramBins = 20;

    /// <summary>The reported percentiles, as fractions.</summary>
    public const double P5 = 0.05, P10 = 0.10, P50 = 0.50, P90 = 0.90, P95 = 0.95;

    public static DistributionSummary Summarise(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return SummariseSorted(sorted);
    }

    /// <summary><see cref="Summarise"/> of values already sorted ascending (not copied, not changed).</summary>
    public static DistributionSummary SummariseSorted(double[] sorted) =>
        new(
            Money.RoundToOere(Percentile(sorted, P5)),
            Money.RoundToOere(Percentile(sorted, P10)),
            Money.RoundToOere(Percentile(sorted, P50)),
            Money.RoundToOere(Percentile(sorted, P90)),
            Money.RoundToOere(Percentile(sorted, P95)),
            Money.RoundToOere(Mean(sorted)));

    /// <summary>Type 7: h = (n − 1) p; x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) on the sorted values (0-based).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (fraction * (sorted[below + 1] - sorted[below]));
    }

    /// <summary>
    /// The mean as x₀ + Σ(xᵢ − x₀) / n with x₀ the smallest value: the differences are small next to the
    /// amounts, which keeps the sum accurate, and equal draws give exactly their value.
    /// </summary>
    public static double Mean(double[] sorted)
    {
        var shift = sorted[0];
        var sum = 0.0;
        foreach (var x in sorted)
        {
            sum += x - shift;
        }

        return shift + (sum / sorted.Length);
    }

    /// <summary>
    /// Twenty bins of equal width from the smallest to the largest value: bin k is [e_k, e_{k+1}) with
    /// e_k = min + k (max − min) / 20 and e_20 = max; the last bin is closed, so the largest value is counted.
    /// A value belongs to the last bin whose lower edge it reaches, so when every draw is equal (all edges
    /// equal) the last bin holds them all. Edges are reported rounded to øre.
    /// </summary>
    public static IReadOnlyList<HistogramBin> Histogram(double[] sorted)
    {
        var min = sorted[0];
        var max = sorted[^1];
        var edges = new double[HistogramBins + 1];
        for (var k = 0; k < HistogramBins; k++)
        {
            edges[k] = min + (k * (max - min) / HistogramBins);
        }

        edges[HistogramBins] = max;
        var counts = new int[HistogramBins];
        var bin = 0;
        foreach (var x in sorted)
        {
            while (bin < HistogramBins - 1 && x >= edges[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
        }

        var bins = new HistogramBin[HistogramBins];
        for (var k = 0; k < HistogramBins; k++)
        {
            bins[k] = new HistogramBin(Money.RoundToOere(edges[k]), Money.RoundToOere(edges[k + 1]), counts[k]);
        }

        return bins;
    }
}
