using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenGms.Pharmacogenomics.Contracts;

/// <summary>
/// Source-generated JSON for the report (web defaults: camelCase): no reflection at start-up, which the one-sample
/// CLI run pays for otherwise.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PgxReport))]
public sealed partial class PgxJsonContext : JsonSerializerContext;
