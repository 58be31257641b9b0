using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Engine.Tests.Uncertainty;

/// <summary>The definitions of docs/api.md: type 7 percentiles, the shifted mean and the 20-bin histogram.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.05, 1.15)]
    [InlineData(0.95, 3.85)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    public void A_percentile_interpolates_linearly_between_order_statistics(double p, double expected)
    {
        Assert.Equal(expected, SampleStatistics.Percentile([1, 2, 3, 4], p), 12);
    }

    [Fact]
    public void One_draw_is_every_percentile()
    {
        Assert.All(new[] { 0.05, 0.5, 0.95 }, p => Assert.Equal(42.0, SampleStatistics.Percentile([42.0], p)));
    }

    [Fact]
    public void The_mean_of_equal_values_is_exactly_that_value()
    {
        var values = Enumerable.Repeat(1234567.891, 9999).ToArray();
        Assert.Equal(1234567.891, SampleStatistics.Mean(values));
    }

    [Fact]
    public void The_histogram_has_twenty_equal_bins_from_the_smallest_to_the_largest_value()
    {
        var values = Enumerable.Range(0, 41).Select(i => (double)i).ToArray(); // 0..40, two values a bin

        var bins = SampleStatistics.Histogram(values);

        Assert.Equal(20, bins.Count);
        Assert.Equal(0m, bins[0].From);
        Assert.Equal(40m, bins[^1].To);
        Assert.All(bins, b => Assert.Equal(2m, b.To - b.From));
        Assert.Equal([.. Enumerable.Repeat(2, 19), 3], bins.Select(b => b.Count));
    }

    [Fact]
    public void When_every_draw_is_equal_the_last_of_twenty_zero_width_bins_holds_them_all()
    {
        var bins = SampleStatistics.Histogram(Enumerable.Repeat(-5000.25, 300).ToArray());

        Assert.Equal(20, bins.Count);
        Assert.All(bins, b => Assert.Equal((-5000.25m, -5000.25m), (b.From, b.To)));
        Assert.Equal([.. Enumerable.Repeat(0, 19), 300], bins.Select(b => b.Count));
    }
}
