using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Processes;

/// <summary>
/// The JSON columns of one instance row, parsed for one step's transaction and written back before it commits.
/// </summary>
internal sealed class InstanceState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private InstanceState(JsonObject data, List<string> positions, List<ParallelFrame> parallel, List<ExceptionEntry> exceptions)
    {
        Data = data;
        Positions = positions;
        Parallel = parallel;
        Exceptions = exceptions;
    }

    public JsonObject Data { get; set; }

    public List<string> Positions { get; }

    /// <summary>Open parallel splits, innermost last.</summary>
    public List<ParallelFrame> Parallel { get; }

    public List<ExceptionEntry> Exceptions { get; }

    public static InstanceState Read(InstanceRecord record) => new(
        JsonNode.Parse(record.Data)?.AsObject() ?? [],
        JsonSerializer.Deserialize<List<string>>(record.Positions, Json) ?? [],
        JsonSerializer.Deserialize<List<ParallelFrame>>(record.Parallel, Json) ?? [],
        JsonSerializer.Deserialize<List<ExceptionEntry>>(record.Exceptions, Json) ?? []);

    public static ImmutableArray<string> ReadPositions(InstanceRecord record) =>
        [.. JsonSerializer.Deserialize<List<string>>(record.Positions, Json) ?? []];

    public static ImmutableArray<ExceptionEntry> ReadExceptions(InstanceRecord record) =>
        [.. JsonSerializer.Deserialize<List<ExceptionEntry>>(record.Exceptions, Json) ?? []];

    public static ImmutableDictionary<string, int> ReadPinnedForms(InstanceRecord record) =>
        (JsonSerializer.Deserialize<Dictionary<string, int>>(record.PinnedForms, Json) ?? []).ToImmutableDictionary(StringComparer.Ordinal);

    public static string WritePinnedForms(IReadOnlyDictionary<string, int> pinned) => JsonSerializer.Serialize(pinned, Json);

    public void WriteTo(InstanceRecord record)
    {
        record.Data = Data.ToJsonString();
        record.Positions = JsonSerializer.Serialize(Positions, Json);
        record.Parallel = JsonSerializer.Serialize(Parallel, Json);
        record.Exceptions = JsonSerializer.Serialize(Exceptions, Json);
    }
}

/// <summary>An open parallel split: how many branches it started and how many have reached its join.</summary>
internal sealed record ParallelFrame(string Split, int Expected, int Arrived);
