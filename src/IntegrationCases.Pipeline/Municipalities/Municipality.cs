namespace IntegrationCases.Pipeline.Municipalities;

/// <summary>One of the 98 municipalities: 3-digit DST code, DST-style short name, region (DAGI code 1081–1085).</summary>
public sealed record Municipality(string Code, string Name, string RegionCode, string RegionName);
