using Azure;
using Microsoft.Data.SqlClient;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationCases.Pipeline.Resilience;

/// <summary>
/// Which faults are worth another attempt. Anything not listed (a missing blob, a denied permission, a
/// malformed statement) is permanent: retrying it would only delay the failure.
/// </summary>
public static class TransientFaults
{
    // HTTP statuses that Azure Storage documents as retriable: timeout, throttling and server errors.
    private static readonly HashSet<int> TransientStatuses = [0, 408, 429, 500, 502, 503, 504];

    // SQL Server / Azure SQL error numbers that are transient (Azure SQL's documented list plus deadlock and timeout).
    private static readonly HashSet<int> TransientSqlNumbers =
        [-2, 20, 64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920];

    public static bool IsTransientStorage(Exception exception) => exception switch
    {
        RequestFailedException r => TransientStatuses.Contains(r.Status),
        TimeoutRejectedException => true,
        HttpRequestException => true,
        // Local folder: a file briefly held by another process (sharing violation) or a flaky network share.
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException => true,
        _ => false,
    };

    public static bool IsTransientSql(Exception exception) => exception switch
    {
        SqlException s => s.Errors.Cast<SqlError>().Any(e => TransientSqlNumbers.Contains(e.Number)),
        TimeoutRejectedException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>True for a call the open circuit refused; the run reports it as the fault that opened it.</summary>
    public static bool IsBrokenCircuit(Exception exception) => exception is BrokenCircuitException;
}
