namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>The case ids of the standard catalogue (API.md), the keys of the target-group mapping.</summary>
public static class StandardCases
{
    public const string NewlyArrivedJobReady30 = "NY-JOB-30";
    public const string NewlyArrivedActivityReady30 = "NY-AKT-30";
    public const string NewlyArrivedYoung = "NY-UNG";
    public const string CashBenefitJobReady30 = "KH-JOB-30";
    public const string CashBenefitActivityReady30 = "KH-AKT-30";
    public const string NewlyArrivedWomen40 = "NY-KVINDER-40";
    public const string Igu = "IGU";

    public static IReadOnlyList<string> All { get; } =
    [
        NewlyArrivedJobReady30, NewlyArrivedActivityReady30, NewlyArrivedYoung, CashBenefitJobReady30,
        CashBenefitActivityReady30, NewlyArrivedWomen40, Igu,
    ];

    public static bool IsKnown(string caseId) => All.Contains(caseId, StringComparer.Ordinal);
}
