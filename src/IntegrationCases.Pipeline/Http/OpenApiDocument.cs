using System.Text;
using System.Text.Json.Nodes;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// The OpenAPI 3.0 document of the API, served at <c>/api/openapi.json</c> by both hosts. Written by hand (the
/// Functions app has no endpoint metadata to generate it from); the flat GET's query parameters are generated
/// from <see cref="FlatScenarioQuery.Fields"/> so that the document and the parser cannot drift apart. A test
/// holds the document's paths against the routes the local server maps.
/// </summary>
public static class OpenApiDocument
{
    public static readonly byte[] Utf8 = Build();

    private static byte[] Build()
    {
        var doc = JsonNode.Parse(Template)!.AsObject();
        var get = doc["paths"]!["/api/scenarios/evaluate"]!["get"]!.AsObject();
        var parameters = new JsonArray();
        foreach (var (name, kind) in FlatScenarioQuery.Fields)
        {
            var required = name is "municipalityCode" or "caseId";
            var queryName = kind == FlatScenarioQuery.FieldKind.NumberMap ? name + ".{key}" : name;
            JsonObject schema = kind switch
            {
                FlatScenarioQuery.FieldKind.Text => new JsonObject { ["type"] = "string" },
                FlatScenarioQuery.FieldKind.Integer => new JsonObject { ["type"] = "integer" },
                FlatScenarioQuery.FieldKind.Boolean => new JsonObject { ["type"] = "boolean" },
                FlatScenarioQuery.FieldKind.NumberList => new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9.eE+-]+(,-?[0-9.eE+-]+)*$" },
                FlatScenarioQuery.FieldKind.CohortList => new JsonObject { ["type"] = "string", ["pattern"] = CohortListPattern },
                _ => new JsonObject { ["type"] = "number" },
            };
            parameters.Add(new JsonObject
            {
                ["name"] = queryName,
                ["in"] = "query",
                ["required"] = required,
                ["description"] = kind switch
                {
                    FlatScenarioQuery.FieldKind.NumberList => $"The scenario field '{name}' as comma-separated numbers with '.' decimals.",
                    FlatScenarioQuery.FieldKind.CohortList => $"The intake plan '{name}' (API.md 1.2, instead of 'participants'): comma-separated cohorts 'startDate:participants', e.g. '2027-01-01:40,2028-01-01:35'. Errors name 'cohorts[i]', 'cohorts[i].startDate' or 'cohorts[i].participants'.",
                    FlatScenarioQuery.FieldKind.NumberMap => $"One entry of the map '{name}': replace {{key}} with the map key, e.g. '{name}.{(name.EndsWith("Year", StringComparison.Ordinal) ? "2026" : "ikke_forsoerger")}'.",
                    _ => $"The scenario field '{name}' (API.md).",
                },
                ["schema"] = schema,
            });
        }

        get["parameters"] = parameters;
        UncertaintyOpenApi.AddTo(doc);
        return Encoding.UTF8.GetBytes(doc.ToJsonString());
    }

    /// <summary>One or more <c>yyyy-mm-dd:number</c> pairs, comma-separated (the parser's own check is stricter on the date).</summary>
    private const string CohortListPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}:[0-9.eE+-]+(,[0-9]{4}-[0-9]{2}-[0-9]{2}:[0-9.eE+-]+)*$";

    private const string Template = """
    {
      "openapi": "3.0.3",
      "info": {
        "title": "Integration business cases API",
        "version": "1.2",
        "description": "Evaluate what-if scenarios of the municipal integration business cases, read the latest recompute run's results and the municipalities' extracts. Every endpoint but /api/health needs a function key: header 'x-functions-key' or query parameter 'code'. Errors are RFC 9457 problem documents with Danish title and detail."
      },
      "components": {
        "securitySchemes": {
          "functionKeyHeader": { "type": "apiKey", "in": "header", "name": "x-functions-key" },
          "functionKeyQuery": { "type": "apiKey", "in": "query", "name": "code" }
        },
        "responses": {
          "Problem": {
            "description": "An RFC 9457 problem document.",
            "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
          }
        },
        "schemas": {
          "Problem": {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
              "type": { "type": "string" },
              "title": { "type": "string", "description": "Danish." },
              "status": { "type": "integer" },
              "detail": { "type": "string", "description": "Danish." },
              "instance": { "type": "string" },
              "errors": {
                "type": "object",
                "description": "Field path (arrays indexed from 0) -> Danish messages.",
                "additionalProperties": { "type": "array", "items": { "type": "string" } }
              }
            }
          },
          "NumberMap": { "type": "object", "additionalProperties": { "type": "number" } },
          "Cohort": {
            "type": "object", "additionalProperties": false,
            "required": ["startDate", "participants"],
            "properties": {
              "startDate": { "type": "string", "format": "date" },
              "participants": { "type": "number", "minimum": 0 }
            }
          },
          "Scenario": {
            "type": "object",
            "additionalProperties": false,
            "required": ["municipalityCode", "caseId"],
            "properties": {
              "municipalityCode": { "type": "string", "pattern": "^[0-9]{3}$" },
              "caseId": { "type": "string", "enum": ["NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU"] },
              "startDate": { "type": "string", "format": "date" },
              "horizonYears": { "type": "integer", "minimum": 1, "maximum": 10 },
              "discountRate": { "type": "number" },
              "participants": { "type": "number", "minimum": 0 },
              "cohorts": {
                "type": "array", "minItems": 1, "maxItems": 20,
                "description": "An intake plan instead of participants (METHOD.md 3a): each cohort starts on the first of a month within the horizon.",
                "items": { "$ref": "#/components/schemas/Cohort" }
              },
              "targetGroup": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "benefitType": { "type": "string" },
                  "householdMix": { "$ref": "#/components/schemas/NumberMap" },
                  "initialRefusionClockMonths": { "type": "integer", "minimum": 0, "maximum": 12 },
                  "programmeEligible": { "type": "boolean" },
                  "programmeMonthAtStart": { "type": "integer" }
                }
              },
              "jobLossMonthlyProbability": { "type": "number" },
              "monthlyEarnings": { "type": "number" },
              "baseline": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "selfSupportShareByYear": { "type": "array", "items": { "type": "number" } },
                  "effortCostPerMonth": { "type": "number" },
                  "effortReimbursementShare": { "type": "number" }
                }
              },
              "investment": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "extraSelfSupportShareByYear": { "type": "array", "items": { "type": "number" } },
                  "oneOffCostPerParticipant": { "type": "number" },
                  "monthlyCostPerParticipant": { "type": "number" },
                  "durationMonths": { "type": "integer" },
                  "reimbursementShare": { "type": "number" }
                }
              },
              "inJobSupport": {
                "type": "object", "additionalProperties": false,
                "properties": { "monthlyCost": { "type": "number" }, "durationMonths": { "type": "integer" } }
              },
              "danishTest": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "month": { "type": "integer" },
                  "baselinePassShare": { "type": "number" },
                  "investmentPassShare": { "type": "number" }
                }
              },
              "prices": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "monthlyBenefit": { "type": "number" },
                  "refusionShareByClockMonth": { "type": "array", "items": { "type": "number" } },
                  "grundtilskudMonthly": { "type": "number" },
                  "resultattilskudHigh": { "type": "number" },
                  "resultattilskudLow": { "type": "number" },
                  "resultattilskudDanish": { "type": "number" },
                  "bonusPerExtraPersonByYear": { "$ref": "#/components/schemas/NumberMap" },
                  "personfradragAnnual": { "type": "number" },
                  "amBidragRate": { "type": "number" },
                  "employmentAllowanceRate": { "type": "number" },
                  "employmentAllowanceMaxAnnual": { "type": "number" },
                  "kommuneskatRate": { "type": "number" }
                }
              }
            }
          },
          "Lines": {
            "type": "object",
            "properties": {
              "ydelse": { "type": "number" }, "refusion": { "type": "number" }, "kommuneskat": { "type": "number" },
              "indsats": { "type": "number" }, "grundtilskud": { "type": "number" }, "investering": { "type": "number" },
              "stoette_i_job": { "type": "number" }, "resultattilskud": { "type": "number" },
              "resultattilskud_dansk": { "type": "number" }, "bonus": { "type": "number" }, "net": { "type": "number" }
            }
          },
          "Result": {
            "type": "object",
            "description": "The scenario result of API.md: money in DKK rounded to øre.",
            "properties": {
              "municipalityCode": { "type": "string" },
              "caseId": { "type": "string" },
              "startDate": { "type": "string", "format": "date" },
              "horizonYears": { "type": "integer" },
              "currency": { "type": "string" },
              "cohorts": {
                "type": "array",
                "description": "The resolved intake plan, sorted by start; one cohort on the start date for a scenario without a plan.",
                "items": { "$ref": "#/components/schemas/Cohort" }
              },
              "years": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "year": { "type": "integer" },
                    "firstMonth": { "type": "string" },
                    "baseline": { "$ref": "#/components/schemas/Lines" },
                    "investment": { "$ref": "#/components/schemas/Lines" },
                    "difference": { "$ref": "#/components/schemas/Lines" },
                    "cumulativeNetDifference": { "type": "number" },
                    "selfSupportingAtYearEnd": {
                      "type": "object",
                      "properties": { "baseline": { "type": "number" }, "investment": { "type": "number" } }
                    }
                  }
                }
              },
              "kpis": { "type": "object" },
              "parametersUsed": { "type": "array", "items": { "type": "object" } }
            }
          }
        }
      },
      "security": [ { "functionKeyHeader": [] }, { "functionKeyQuery": [] } ],
      "paths": {
        "/api/scenarios/evaluate": {
          "post": {
            "summary": "Evaluate a scenario (API.md).",
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Scenario" } } }
            },
            "responses": {
              "200": { "description": "The result.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Result" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" }
            }
          },
          "get": {
            "summary": "Evaluate a scenario given as flat query parameters (for Power Query's Web.Contents).",
            "responses": {
              "200": { "description": "The result.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Result" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "414": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/scenarios/extract.xlsx": {
          "post": {
            "summary": "Evaluate a scenario and answer with its result as an Excel workbook in the layout of the municipality extract (sheets Forudsætninger, Pengestrømme, Nøgletal, Enhedspriser).",
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Scenario" } } }
            },
            "responses": {
              "200": { "description": "The workbook, as a download.", "content": { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {} } },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/cases": {
          "get": {
            "summary": "The standard case catalogue: each case with 'defaults' (the case's defaults in the shape of a scenario; null = the parameter store decides) and 'reasons' (scenario field path -> the catalogue's Danish argument for that default).",
            "responses": { "200": { "description": "The cases.", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } }, "401": { "$ref": "#/components/responses/Problem" } }
          }
        },
        "/api/municipalities": {
          "get": {
            "summary": "The 98 municipalities with their target-group counts from the latest run.",
            "responses": { "200": { "description": "The municipalities.", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } }, "401": { "$ref": "#/components/responses/Problem" } }
          }
        },
        "/api/municipalities/{kode}/results": {
          "get": {
            "summary": "A municipality's case results from the latest recompute run.",
            "parameters": [ { "name": "kode", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{3}$" } } ],
            "responses": { "200": { "description": "The results.", "content": { "application/json": { "schema": { "type": "object" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
          }
        },
        "/api/municipalities/{kode}/extract.{format}": {
          "get": {
            "summary": "A municipality's refreshed extract as Excel (xlsx) or CSV.",
            "parameters": [
              { "name": "kode", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{3}$" } },
              { "name": "format", "in": "path", "required": true, "schema": { "type": "string", "enum": ["xlsx", "csv"] } }
            ],
            "responses": {
              "200": { "description": "The extract.", "content": { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {} } },
              "401": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/parameters": {
          "get": {
            "summary": "Every unit price and rule of the latest run in force on a date (default: the first day of the budget year, 1 January of the next year in Denmark; the answer's 'date' names the day used).",
            "parameters": [ { "name": "date", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } } ],
            "responses": { "200": { "description": "The parameters with value, unit and source.", "content": { "application/json": { "schema": { "type": "object" } } } }, "400": { "$ref": "#/components/responses/Problem" }, "401": { "$ref": "#/components/responses/Problem" } }
          }
        },
        "/api/health": {
          "get": {
            "summary": "Liveness; needs no key.",
            "security": [],
            "responses": { "200": { "description": "Up.", "content": { "application/json": { "schema": { "type": "object" } } } } }
          }
        },
        "/api/openapi.json": {
          "get": {
            "summary": "This document.",
            "responses": { "200": { "description": "OpenAPI 3.0.", "content": { "application/json": {} } }, "401": { "$ref": "#/components/responses/Problem" } }
          }
        }
      }
    }
    """;
}
