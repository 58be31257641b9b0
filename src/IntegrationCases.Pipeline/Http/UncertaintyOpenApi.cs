using System.Text.Json.Nodes;
using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// The OpenAPI part of <c>POST /api/scenarios/uncertainty</c> (docs/api.md): its path and the request and response
/// schemas, added to <see cref="OpenApiDocument"/>. The factor names come from the engine, so they cannot drift.
/// </summary>
internal static class UncertaintyOpenApi
{
    public static void AddTo(JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in Schemas())
        {
            schemas[name] = schema;
        }

        document["paths"]!.AsObject()["/api/scenarios/uncertainty"] = JsonNode.Parse(Path);
    }

    private static IEnumerable<(string Name, JsonNode Schema)> Schemas()
    {
        var ranges = new JsonObject();
        foreach (var factor in UncertaintyFactors.All)
        {
            ranges[factor.JsonName()] = new JsonObject { ["$ref"] = "#/components/schemas/FactorRange" };
        }

        yield return ("FactorRange", JsonNode.Parse("""
            { "type": "object", "additionalProperties": false,
              "description": "A triangular distribution with mode 1. An end left out takes the case's default.",
              "properties": { "low": { "type": "number", "minimum": 0, "maximum": 1 }, "high": { "type": "number", "minimum": 1, "maximum": 100 } } }
            """)!);
        yield return ("UncertaintyRequest", new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("scenario"),
            ["properties"] = new JsonObject
            {
                ["scenario"] = new JsonObject { ["$ref"] = "#/components/schemas/Scenario" },
                ["ranges"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = ranges },
                ["draws"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = UncertaintyRequest.MaxDraws, ["default"] = UncertaintyRequest.DefaultDraws },
                ["seed"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["format"] = "uint64", ["default"] = UncertaintyRequest.DefaultSeed },
            },
        });
        yield return ("TornadoEnd", JsonNode.Parse("""
            { "type": "object", "description": "The factor's value as applied (the effect clamped to [0, λmax]) and the net effect there, the other factors at 1.",
              "properties": { "value": { "type": "number" }, "netEffectTotal": { "type": "number" } } }
            """)!);
        var distribution = new JsonObject();
        foreach (var key in new[] { "p5", "p10", "p50", "p90", "p95", "mean" })
        {
            distribution[key] = new JsonObject { ["type"] = "number" };
        }

        yield return ("Distribution", new JsonObject { ["type"] = "object", ["properties"] = distribution });
        yield return ("UncertaintyResult", JsonNode.Parse(ResultSchema)!);
    }

    private const string ResultSchema = """
        {
          "type": "object",
          "description": "Money in DKK rounded to øre. Percentiles are type 7 (linear interpolation between order statistics); the histogram has 20 equal-width bins from the smallest to the largest draw.",
          "properties": {
            "base": { "type": "object", "properties": { "netEffectTotal": { "type": "number" }, "npv": { "type": "number" } } },
            "tornado": {
              "type": "array",
              "description": "One entry per factor, sorted by swing (largest first).",
              "items": {
                "type": "object",
                "properties": {
                  "factor": { "type": "string", "enum": ["effectMultiplier", "costMultiplier", "earningsMultiplier", "effortCostMultiplier"] },
                  "low": { "$ref": "#/components/schemas/TornadoEnd" },
                  "high": { "$ref": "#/components/schemas/TornadoEnd" }
                }
              }
            },
            "monteCarlo": {
              "type": "object",
              "properties": {
                "draws": { "type": "integer" },
                "seed": { "type": "integer", "format": "uint64" },
                "netEffectTotal": { "$ref": "#/components/schemas/Distribution" },
                "npv": { "$ref": "#/components/schemas/Distribution" },
                "probabilityNetPositive": { "type": "number" },
                "paybackWithinHorizonShare": { "type": "number" },
                "histogram": {
                  "type": "array",
                  "items": { "type": "object", "properties": { "from": { "type": "number" }, "to": { "type": "number" }, "count": { "type": "integer" } } }
                }
              }
            }
          }
        }
        """;

    private const string Path = """
        {
          "post": {
            "summary": "Uncertainty of a scenario: tornado, Monte Carlo percentiles and the probability of a positive net effect (docs/api.md).",
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UncertaintyRequest" } } }
            },
            "responses": {
              "200": { "description": "The analysis.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UncertaintyResult" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" }
            }
          }
        }
        """;
}
