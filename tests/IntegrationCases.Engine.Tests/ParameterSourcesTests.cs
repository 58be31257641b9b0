using System.Globalization;
using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The unit prices corrected by the audit of issue 10 (docs/parameters.md, "Audit 2026-11"), pinned by id and
/// date with the source they were read in, and the rules every built-in value must keep: an estimate says how it
/// was derived, anything else names a source.
/// </summary>
public sealed class ParameterSourcesTests
{
    /// <summary>(id, date of effect, value, estimate?, a fragment of the source).</summary>
    public static TheoryData<string, string, double, bool, string> CorrectedValues => new()
    {
        { "beskaeftigelsesfradrag.loft", "2018-01-01", 34300, false, "skat.dk" },
        { "beskaeftigelsesfradrag.loft", "2022-01-01", 43500, false, "L 204 (2021-22)" },
        { "beskaeftigelsesfradrag.loft", "2023-01-01", 45600, false, "L 204 (2021-22)" },
        { "ydelse.kontanthjaelp.forsoerger", "2020-01-01", 15355, false, "ressourceforløbsydelse" },
        { "ydelse.kontanthjaelp.forsoerger", "2022-01-01", 15570, false, "bm.dk Satser for 2022" },
        { "ydelse.kontanthjaelp.enlig_forsoerger", "2022-01-01", 15570, false, "bm.dk Satser for 2022" },
        { "ydelse.kontanthjaelp.ikke_forsoerger", "2022-01-01", 11716, false, "bm.dk Satser for 2022" },
        { "ydelse.kontanthjaelp.forsoerger", "2025-01-01", 16972, false, "DA-VK/ydelsesberegner" },
        { "ydelse.kontanthjaelp.ikke_forsoerger", "2025-01-01", 12770, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.enlig_forsoerger", "2023-01-01", 12699, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.forsoerger", "2023-01-01", 8886, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.ikke_forsoerger", "2023-01-01", 6350, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.hjemmeboende_under_30", "2023-01-01", 2735, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.ikke_forsoerger", "2024-01-01", 6553, false, "Aftale om nyt kontanthjælpssystem" },
        { "ydelse.integrationsydelse.enlig_forsoerger", "2025-01-01", 13577, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.forsoerger", "2025-01-01", 9500, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.ikke_forsoerger", "2025-01-01", 6789, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.hjemmeboende_under_30", "2025-01-01", 2925, false, "DA-VK/ydelsesberegner" },
        { "ydelse.integrationsydelse.ikke_forsoerger", "2025-07-01", 6789, true, "mindstesats 6.553 kr." },
        { "ydelse.integrationsydelse.forsoerger", "2025-07-01", 9573, true, "kalundborg.dk" },
        { "ydelse.integrationsydelse.enlig_forsoerger", "2025-07-01", 11211, true, "kalundborg.dk" },
        { "ydelse.kontanthjaelp.ikke_forsoerger", "2025-07-01", 12498, true, "forhøjet sats 12.064 kr." },
        { "ydelse.kontanthjaelp.forsoerger", "2025-07-01", 15282, true, "kalundborg.dk" },
        { "ydelse.integrationsydelse.ikke_forsoerger", "2026-01-01", 7094, true, "personskattelovens § 20" },
        { "ydelse.kontanthjaelp.ikke_forsoerger", "2026-01-01", 13061, true, "personskattelovens § 20" },
        { "grundtilskud.maaned", "2017-01-01", 3960, false, "§ 45, stk. 4" },
        { "grundtilskud.maaned", "2025-01-01", 3240, true, "uim.dk" },
    };

    [Theory]
    [MemberData(nameof(CorrectedValues))]
    public void A_corrected_unit_price_is_in_force_from_its_date_with_its_source(
        string id, string date, double value, bool estimate, string sourceFragment)
    {
        var on = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var inForce = ParameterStore.Default.ValueAt(id, on);

        Assert.NotNull(inForce);
        Assert.Equal(on, inForce.ValidFrom);
        Assert.Equal(value, inForce.Value);
        Assert.Equal(estimate, inForce.IsEstimate);
        Assert.Contains(sourceFragment, inForce.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_estimate_has_a_note_that_gives_its_reasoning()
    {
        var bare = AllValues().Where(v => v.IsEstimate && (v.Note is null || v.Note.Trim().Length < 20)).ToList();
        Assert.True(bare.Count == 0, "Skøn uden begrundelse: " + string.Join(", ", bare.Select(Name)));
    }

    [Fact]
    public void Every_value_that_is_not_an_estimate_names_a_source_rather_than_a_guess()
    {
        var unsourced = AllValues()
            .Where(v => !v.IsEstimate && (string.IsNullOrWhiteSpace(v.Source) || v.Source.TrimStart().StartsWith("Skøn", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(unsourced.Count == 0, "Uden kilde: " + string.Join(", ", unsourced.Select(Name)));
    }

    [Fact]
    public void After_the_2025_reform_a_newcomer_household_gets_the_mindstesats_plus_its_add_ons()
    {
        var july2025 = new DateOnly(2025, 7, 1);
        double At(string household) => ParameterStore.Default.ValueAt("ydelse.integrationsydelse." + household, july2025)!.Value;

        Assert.Equal(2784, At("forsoerger") - At("ikke_forsoerger")); // børnetillæg
        Assert.Equal(1638, At("enlig_forsoerger") - At("forsoerger")); // tillæg til enlige forsørgere
    }

    [Fact]
    public void After_the_2025_reform_a_provider_over_30_gets_the_forhoejet_sats_plus_the_boernetillaeg_and_no_single_provider_add_on()
    {
        var july2025 = new DateOnly(2025, 7, 1);
        double At(string household) => ParameterStore.Default.ValueAt("ydelse.kontanthjaelp." + household, july2025)!.Value;

        Assert.Equal(2784, At("forsoerger") - At("ikke_forsoerger"));
        Assert.Equal(At("forsoerger"), At("enlig_forsoerger"));
    }

    private static IEnumerable<ParameterValue> AllValues() => ParameterStore.Default.Series.SelectMany(s => s.Values);

    private static string Name(ParameterValue v) =>
        v.Id + "@" + v.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
