using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.1, line <c>refusion</c> ('statsrefusion'): +Y_t × R(c) for each person on benefit with refusion
/// clock c. The staircase in force since 2016-01-01 has four steps (80 / 40 / 30 / 20 %); the store dates both
/// the shares and the clock months from which steps 2-4 apply (weeks 5, 27 and 53 ≈ clock months 1, 6 and 12).
/// A pinned <c>prices.refusionShareByClockMonth</c> gives R(c) for every clock month directly.
/// </summary>
internal static class RefusionStaircase
{
    /// <summary>The clock states c = 0 .. 12 that METHOD.md section 3 fixes (12 means 12 or more).</summary>
    public const int ClockStates = 13;

    private static readonly string[] StepShares =
    [
        "refusion.trappe.uge_01_04", "refusion.trappe.uge_05_26", "refusion.trappe.uge_27_52", "refusion.trappe.uge_53_plus",
    ];

    /// <summary>The first clock month of each step after the first (the first step starts at clock month 0).</summary>
    private static readonly string[] StepStarts =
    [
        "refusion.trappe.fra_klokkemaaned.uge_05_26", "refusion.trappe.fra_klokkemaaned.uge_27_52", "refusion.trappe.fra_klokkemaaned.uge_53_plus",
    ];

    public static void Price(PriceTable table, PriceLookup lookup, PriceOverrides? prices)
    {
        if (prices?.RefusionShareByClockMonth is { } pinned)
        {
            var shares = pinned.Select((share, c) => lookup.Pinned($"prices.refusionShareByClockMonth[{c}]", share)).ToArray();
            for (var t = table.FirstMonth; t < table.Months; t++)
            {
                shares.CopyTo(table.Refusion.AsSpan(t * ClockStates, ClockStates));
            }

            return;
        }

        var stepShares = StepShares.Select(lookup.Series).ToArray();
        var stepStarts = StepStarts.Select(lookup.Series).ToArray();
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            Steps(table.Refusion.AsSpan(t * ClockStates, ClockStates), stepShares, stepStarts, table.CalendarMonth[t]);
        }
    }

    /// <summary>R(c) of one month: each step runs from its first clock month to the next step's; the starts must not fall.</summary>
    private static void Steps(Span<double> row, PriceLookup.Dated[] stepShares, PriceLookup.Dated[] stepStarts, DateOnly month)
    {
        var clock = 0;
        var share = stepShares[0].At(month);
        for (var step = 1; step < stepShares.Length; step++)
        {
            var from = stepStarts[step - 1].Months(month, clock, ClockStates - 1);
            for (; clock < from; clock++)
            {
                row[clock] = share;
            }

            share = stepShares[step].At(month);
        }

        for (; clock < ClockStates; clock++)
        {
            row[clock] = share;
        }
    }

    /// <summary>The line per unit of mass: Y_t × Σ_c mass on benefit with clock c × R(c).</summary>
    public static double Refusion(PriceTable prices, int t, ReadOnlySpan<double> massByClock)
    {
        var refusion = prices.Refusion.AsSpan(t * ClockStates, ClockStates);
        var refunded = 0.0;
        for (var c = 0; c < ClockStates; c++)
        {
            refunded += massByClock[c] * refusion[c];
        }

        return prices.Benefit[t] * refunded;
    }
}
