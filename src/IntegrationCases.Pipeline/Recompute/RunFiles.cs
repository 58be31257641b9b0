using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// Every file of one run folder, in memory, keyed by path inside the folder: the Parquet tables, the
/// municipality facts, the effective unit prices, each municipality's results and extracts. Rendering is CPU work done in parallel
/// before anything is written, so a failure here never touches storage.
/// </summary>
public static class RunFiles
{
    public sealed record Input(
        MartDataSet Mart,
        MunicipalityRegister Register,
        CaseCatalogue Catalogue,
        IReadOnlyDictionary<string, MunicipalityFacts> Facts,
        CaseEvaluation.Outcome Evaluation,
        IReadOnlyList<CaseUncertainty> Uncertainty,
        DateOnly StartDate,
        string ParameterSet,
        string EngineVersion,
        byte[] UnitPrices);

    public static async Task<SortedDictionary<string, byte[]>> RenderAsync(Input input, CancellationToken cancellationToken)
    {
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(input.Mart.Tables, cancellationToken, async (table, ct) =>
            files[MartPaths.TableFile(table.Table.Name)] = await MartParquetWriter.WriteAsync(table, ct).ConfigureAwait(false)).ConfigureAwait(false);
        files[MartPaths.MunicipalityFactsFile] = MunicipalityFactsJson.Serialize(input.Facts);
        files[MartPaths.UnitPricesFile] = input.UnitPrices;

        var byMunicipality = input.Evaluation.Cases.ToLookup(c => c.Result.MunicipalityCode, StringComparer.Ordinal);
        var uncertainty = input.Uncertainty.ToLookup(u => u.MunicipalityCode, StringComparer.Ordinal);
        Parallel.ForEach(input.Register.All, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, m =>
        {
            var extract = new MunicipalityExtract(
                m, input.Mart.RunId, input.StartDate, input.ParameterSet, input.EngineVersion,
                input.Facts.TryGetValue(m.Code, out var f) ? f : new MunicipalityFacts(m.Code, m.Name, new Dictionary<string, double>(), new Dictionary<int, double>()),
                input.Catalogue, input.Evaluation.Scenarios, [.. byMunicipality[m.Code]])
            {
                Uncertainty = [.. uncertainty[m.Code]],
            };
            files[MartPaths.ResultsFile(m.Code)] = MunicipalityResultsJson.Write(
                input.Mart.RunId, m, input.StartDate, input.Evaluation.Scenarios, ExtractRows.Ordered(extract));
            files[MartPaths.RunExtract(m.Code, MartPaths.ExtractCsvFile)] = CsvExtractWriter.Write(extract);
            files[MartPaths.RunExtract(m.Code, MartPaths.ExtractXlsxFile)] = XlsxExtractWriter.Write(extract);
        });
        return new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
