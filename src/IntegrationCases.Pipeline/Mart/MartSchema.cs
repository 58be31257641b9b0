namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// The one definition of the data mart (DESIGN.md 'Data mart'). The Parquet writer, the SQL DDL, the bulk load
/// and the tests that hold the Power BI model against the mart all read it; nothing else names a column.
/// </summary>
public static class MartSchema
{
    private static MartColumn Key(string name, MartType type, string da, string description, int maxLength = 0) =>
        new(name, type, Nullable: false, IsKey: true, da, description, maxLength);

    private static MartColumn Col(string name, MartType type, string da, string description, int maxLength = 0) =>
        new(name, type, Nullable: false, IsKey: false, da, description, maxLength);

    private static MartColumn Opt(string name, MartType type, string da, string description, int maxLength = 0) =>
        new(name, type, Nullable: true, IsKey: false, da, description, maxLength);

    private static MartColumn RunId() => Key("run_id", MartType.Text, "Kørsel", "Kørslens id: de første 16 hextegn af inputhashen.", 64);

    private static MartColumn ScenarioId() => Key("scenario_id", MartType.Text, "Scenarie-id", "Scenariets id.", 64);

    private static MartColumn MunicipalityCode() => Key("municipality_code", MartType.Text, "Kommunekode", "Kommunens tre-cifrede kode.", 3);

    private static MartColumn CaseId() => Key("case_id", MartType.Text, "Case-id", "Business casens id i standardkataloget.", 32);

    public static readonly MartTable DimMunicipality = new("dim_municipality", "Kommune", "De 98 kommuner med region.",
    [
        MunicipalityCode(),
        Col("name", MartType.Text, "Kommune", "Kommunens navn.", 64),
        Col("region_code", MartType.Text, "Regionskode", "Regionens firecifrede kode (1081–1085).", 4),
        Col("region_name", MartType.Text, "Region", "Regionens navn.", 64),
    ]);

    public static readonly MartTable DimCase = new("dim_case", "Business case", "Standardkatalogets business cases.",
    [
        CaseId(),
        Col("name", MartType.Text, "Business case", "Casens navn.", 128),
        Col("target_group", MartType.Text, "Målgruppe", "Målgruppen casen regner på.", 256),
        Col("description", MartType.Text, "Beskrivelse", "Hvad casen antager om indsats, effekt og tidshorisont.", 4000),
    ]);

    public static readonly MartTable DimLineItem = new("dim_line_item", "Budgetpost", "Budgetposterne i et business case.",
    [
        Key("line_code", MartType.Text, "Postkode", "Postens kode (metodens afsnit 6).", 32),
        Col("label", MartType.Text, "Budgetpost", "Postens navn.", 128),
        Col("category", MartType.Text, "Kategori", "Ydelser, refusion, skat, tilskud eller indsats.", 64),
        Col("actor", MartType.Text, "Aktør", "Hvem posten vedrører (version 1: kommunen).", 32),
        Col("sort_order", MartType.Int32, "Sortering", "Postens plads i rapporterne."),
    ]);

    public static readonly MartTable DimScenario = new("dim_scenario", "Scenarie", "Standard-, kommunale og følsomhedsscenarier.",
    [
        ScenarioId(),
        Col("name", MartType.Text, "Scenarie", "Scenariets navn.", 128),
        Col("kind", MartType.Text, "Type", "standard, municipal eller sensitivity.", 16),
        Col("description", MartType.Text, "Beskrivelse", "Hvad scenariet antager.", 4000),
        Col("is_plan", MartType.Int32, "Tilgangsplan", "1 hvis scenariet er en tilgangsplan (hold med hver sin startmåned, metodens afsnit 3a), 0 hvis ét hold starter på startdatoen."),
    ]);

    /// <summary>
    /// The persons who start in each year of a scenario: the child of <see cref="DimScenario"/> that says how many
    /// start when. Long (one row per year in which a cohort starts), not a column per year, because horizons run
    /// from 1 to 10 years and Power BI and SQL aggregate rows, not columns. Keyed by municipality and case too,
    /// because the standard scenario covers every municipality and case (docs/mart.md).
    /// </summary>
    public static readonly MartTable DimScenarioIntake = new("dim_scenario_intake", "Tilgang", "Personer, der starter i hvert år af et scenarie: ét hold på startdatoen eller tilgangsplanens hold.",
    [
        ScenarioId(), MunicipalityCode(), CaseId(),
        Key("year", MartType.Int32, "År", "År i forløbet, som holdene starter i (1 = de første 12 måneder fra scenariets startdato; med start i januar er årene budgetår)."),
        Col("first_month", MartType.Date, "Første måned", "Første kalendermåned i året."),
        Col("cohorts", MartType.Int32, "Hold", "Antal hold, der starter i året."),
        Col("persons", MartType.Double, "Personer", "Fuldtidspersoner, der starter i året (summen over årets hold)."),
    ]);

    public static readonly MartTable DimParameter = new("dim_parameter", "Enhedspris", "Enhedspriser og regler, som kørslen regnede med, hver dateret og med kilde.",
    [
        RunId(),
        Key("parameter_id", MartType.Text, "Parameter", "Parameterens id i parameterlageret.", 128),
        Key("valid_from", MartType.Date, "Gyldig fra", "Første dag værdien gælder."),
        Col("value", MartType.Double, "Værdi", "Værdien i parameterens enhed."),
        Col("unit", MartType.Text, "Enhed", "Værdiens enhed (fx kr./måned, andel).", 64),
        Col("description", MartType.Text, "Beskrivelse", "Hvad parameteren er.", 1000),
        Col("source", MartType.Text, "Kilde", "Kilden til værdien (lov, takst, rapport).", 1000),
        Col("is_estimate", MartType.Int32, "Skøn", "1 hvis værdien er et skøn, 0 hvis den er hentet direkte fra kilden."),
        Opt("note", MartType.Text, "Note", "Bemærkning til værdien.", 4000),
    ]);

    public static readonly MartTable FactCashflow = new("fact_cashflow", "Pengestrøm", "Årlige beløb pr. budgetpost i basis- og investeringsforløb.",
    [
        RunId(), ScenarioId(), MunicipalityCode(), CaseId(),
        Key("year", MartType.Int32, "År", "År i forløbet (1 = de første 12 måneder)."),
        Col("first_month", MartType.Date, "Første måned", "Første kalendermåned i året."),
        Key("line_code", MartType.Text, "Postkode", "Budgetpostens kode.", 32),
        Col("baseline_amount", MartType.Money, "Basisforløb (kr.)", "Beløb i basisforløbet, kommunens side (indtægt positiv)."),
        Col("investment_amount", MartType.Money, "Investeringsforløb (kr.)", "Beløb i investeringsforløbet."),
        Col("difference_amount", MartType.Money, "Forskel (kr.)", "Investeringsforløb minus basisforløb."),
    ]);

    public static readonly MartTable FactCaseResult = new("fact_case_result", "Resultat", "Nøgletal pr. scenarie, kommune og case.",
    [
        RunId(), ScenarioId(), MunicipalityCode(), CaseId(),
        Col("participants", MartType.Double, "Deltagere", "Deltagere i fuldtidspersoner."),
        Col("investment_total", MartType.Money, "Investering (kr.)", "Samlet investering over horisonten (positiv)."),
        Col("net_effect_total", MartType.Money, "Nettoeffekt (kr.)", "Samlet nettoeffekt for kommunen over horisonten."),
        Col("npv", MartType.Money, "Nutidsværdi (kr.)", "Nutidsværdien af nettoeffekten med scenariets diskonteringsrente."),
        Opt("return_per_krone", MartType.Double, "Gevinst pr. investeret krone", "(Nettoeffekt + investering) / investering."),
        Opt("payback_month", MartType.Int32, "Tilbagebetalingsmåned", "Første måned hvorfra den akkumulerede forskel forbliver ≥ 0."),
        Opt("break_even_effect_multiplier", MartType.Double, "Break-even-effektfaktor", "Den faktor på effekten, hvor nettoeffekten er 0."),
        Col("benefit_months_saved", MartType.Double, "Sparede ydelsesmåneder", "Personmåneder på ydelse sparet."),
    ]);

    public static readonly MartTable FactSelfSupporting = new("fact_self_supporting", "Selvforsørgende", "Selvforsørgende personer ved årets udgang.",
    [
        RunId(), ScenarioId(), MunicipalityCode(), CaseId(),
        Key("year", MartType.Int32, "År", "År i forløbet."),
        Col("baseline_persons", MartType.Double, "Basisforløb (personer)", "Selvforsørgende ved årets udgang i basisforløbet."),
        Col("investment_persons", MartType.Double, "Investeringsforløb (personer)", "Selvforsørgende ved årets udgang i investeringsforløbet."),
    ]);

    public static readonly MartTable FactTargetGroup = new("fact_target_group", "Målgruppe", "Målgruppernes størrelse fra data.",
    [
        MunicipalityCode(),
        Key("target_group", MartType.Text, "Målgruppe", "Målgruppens nøgle.", 64),
        Key("period", MartType.Text, "Periode", "Periodekode som i kilden (fx 2024M05, 2025).", 16),
        Opt("full_time_persons", MartType.Double, "Fuldtidspersoner", "Fuldtidspersoner i målgruppen."),
        Opt("persons", MartType.Double, "Personer", "Personer i målgruppen."),
        Key("source", MartType.Text, "Kilde", "Kildetabel og fil.", 256),
    ]);

    /// <summary>
    /// The uncertainty of every standard case (issue 12): the Monte Carlo summary of the net effect and the NPV with
    /// the case's default ranges (docs/uncertainty.md). The seed is text: the contract's seed is an unsigned 64-bit
    /// integer, larger than SQL's bigint can hold.
    /// </summary>
    public static readonly MartTable FactUncertainty = new("fact_uncertainty", "Usikkerhed",
        "Usikkerheden på nettoeffekt og nutidsværdi pr. kommune og standardcase: percentiler, middelværdi og sandsynligheden for en positiv nettoeffekt over Monte Carlo-trækninger med casens standardintervaller.",
    [
        RunId(), ScenarioId(), MunicipalityCode(), CaseId(),
        Col("net_effect_p5", MartType.Money, "Nettoeffekt P5 (kr.)", "5 %-percentilen af nettoeffekten: 5 % af trækningerne giver mindre."),
        Col("net_effect_p10", MartType.Money, "Nettoeffekt P10 (kr.)", "10 %-percentilen af nettoeffekten: den nedre grænse for det midterste 80 %-interval."),
        Col("net_effect_p50", MartType.Money, "Nettoeffekt P50 (kr.)", "Medianen af nettoeffekten over trækningerne."),
        Col("net_effect_p90", MartType.Money, "Nettoeffekt P90 (kr.)", "90 %-percentilen af nettoeffekten: den øvre grænse for det midterste 80 %-interval."),
        Col("net_effect_p95", MartType.Money, "Nettoeffekt P95 (kr.)", "95 %-percentilen af nettoeffekten: 5 % af trækningerne giver mere."),
        Col("net_effect_mean", MartType.Money, "Nettoeffekt, middel (kr.)", "Gennemsnittet af nettoeffekten over trækningerne."),
        Col("npv_p5", MartType.Money, "Nutidsværdi P5 (kr.)", "5 %-percentilen af nutidsværdien."),
        Col("npv_p10", MartType.Money, "Nutidsværdi P10 (kr.)", "10 %-percentilen af nutidsværdien."),
        Col("npv_p50", MartType.Money, "Nutidsværdi P50 (kr.)", "Medianen af nutidsværdien."),
        Col("npv_p90", MartType.Money, "Nutidsværdi P90 (kr.)", "90 %-percentilen af nutidsværdien."),
        Col("npv_p95", MartType.Money, "Nutidsværdi P95 (kr.)", "95 %-percentilen af nutidsværdien."),
        Col("npv_mean", MartType.Money, "Nutidsværdi, middel (kr.)", "Gennemsnittet af nutidsværdien over trækningerne."),
        Col("probability_net_positive", MartType.Double, "Sandsynlighed for positiv nettoeffekt", "Andelen af trækningerne med en nettoeffekt over 0 kr. (0–1)."),
        Col("payback_within_horizon_share", MartType.Double, "Andel tilbagebetalt inden for horisonten", "Andelen af trækningerne, hvor investeringen er tjent hjem inden horisontens udgang (0–1)."),
        Col("draws", MartType.Int32, "Trækninger", "Antal Monte Carlo-trækninger."),
        Col("seed", MartType.Text, "Frø", "Frøet til tilfældighedsgeneratoren (xoshiro256**); samme frø giver samme resultat.", 20),
    ]);

    public static readonly MartTable RunManifest = new("run_manifest", "Kørsel", "Hver kørsel med input, parametre og rækketal.",
    [
        RunId(),
        Col("started_utc", MartType.TimestampUtc, "Startet (UTC)", "Hvornår kørslen startede."),
        Col("finished_utc", MartType.TimestampUtc, "Afsluttet (UTC)", "Hvornår kørslen blev færdig."),
        Col("inputs", MartType.Text, "Input", "Alle input med sti og hash (JSON).", 0),
        Col("parameter_set", MartType.Text, "Parametersæt", "Hash af parametrene.", 128),
        Col("engine_version", MartType.Text, "Beregningsversion", "Beregningsmotorens version.", 32),
        Col("row_counts", MartType.Text, "Rækketal", "Rækker pr. tabel (JSON).", 0),
    ]);

    /// <summary>Every table, dimensions first (the order of DDL and loading).</summary>
    public static readonly IReadOnlyList<MartTable> Tables =
    [
        DimMunicipality, DimCase, DimLineItem, DimScenario, DimScenarioIntake, DimParameter,
        FactCashflow, FactCaseResult, FactSelfSupporting, FactTargetGroup, FactUncertainty, RunManifest,
    ];

    public static MartTable Table(string name) =>
        Tables.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No such mart table.");
}
