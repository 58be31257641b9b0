using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Cli.Output;

/// <summary>The readable Danish table of <c>uncertainty --format table</c>.</summary>
internal static class UncertaintyTableWriter
{
    /// <summary>The characters of the fullest histogram bar.</summary>
    private const int BarWidth = 40;

    public static void Write(TextWriter writer, ScenarioRequest scenario, UncertaintyResult result)
    {
        var mc = result.MonteCarlo;
        writer.WriteLine($"Usikkerhed for business case {scenario.CaseId}, kommune {scenario.MunicipalityCode} · beløb i kr. (kommunens side)");
        writer.WriteLine($"Scenariet selv: nettoeffekt {Danish.Kroner(result.Base.NetEffectTotal)}, nutidsværdi {Danish.Kroner(result.Base.Npv)}");
        writer.WriteLine();

        var tornado = new TextTable("Faktor (de øvrige på 1)", "Lav", "Nettoeffekt ved lav", "Høj", "Nettoeffekt ved høj", "Udsving");
        foreach (var entry in result.Tornado)
        {
            tornado.Row(
                Label(entry.Factor),
                Danish.Grouped(entry.Low.Value, 2),
                Danish.Kroner(entry.Low.NetEffectTotal),
                Danish.Grouped(entry.High.Value, 2),
                Danish.Kroner(entry.High.NetEffectTotal),
                Danish.Kroner(entry.Swing));
        }

        tornado.WriteTo(writer);
        writer.WriteLine();

        var percentiles = new TextTable("Monte Carlo", "P5", "P10", "P50", "P90", "P95", "Middel");
        foreach (var (label, d) in new[] { ("Nettoeffekt i alt", mc.NetEffectTotal), ("Nutidsværdi", mc.Npv) })
        {
            percentiles.Row(label, Danish.Kroner(d.P5), Danish.Kroner(d.P10), Danish.Kroner(d.P50), Danish.Kroner(d.P90), Danish.Kroner(d.P95), Danish.Kroner(d.Mean));
        }

        percentiles.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine($"Sandsynlighed for positiv nettoeffekt: {Danish.Grouped(mc.ProbabilityNetPositive * 100, 1)} %");
        writer.WriteLine($"Andel af trækningerne, der er tilbagebetalt inden for horisonten: {Danish.Grouped(mc.PaybackWithinHorizonShare * 100, 1)} %");
        writer.WriteLine($"{mc.Draws} trækninger med frø {mc.Seed}; faktorerne er uafhængige og trekantfordelte med typeværdi 1.");
        writer.WriteLine();

        var histogram = new TextTable("Nettoeffekt fra", "til", "Antal", "");
        histogram.LeftAligned.Add(3);
        var most = Math.Max(1, mc.Histogram.Max(b => b.Count));
        foreach (var bin in mc.Histogram)
        {
            histogram.Row(Danish.Kroner(bin.From), Danish.Kroner(bin.To), bin.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('#', (int)Math.Round((double)BarWidth * bin.Count / most)));
        }

        histogram.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("Bemærk: Kun kommunens direkte budgeteffekter. Udligning og generelle tilskud (bloktilskud) er ikke medregnet.");
    }

    private static string Label(UncertaintyFactor factor) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => "Effekt (ekstra selvforsørgende)",
        UncertaintyFactor.CostMultiplier => "Investeringens udgift",
        UncertaintyFactor.EarningsMultiplier => "Månedsløn i job",
        _ => "Udgift til ordinær indsats",
    };
}
