using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Xml;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Analytics;

/// <summary>
/// Writes the event log of one process as XES or CSV straight from a forward-only query to a stream: one row in memory
/// at a time, whatever the log's size. Activities are steps; each exported event is a step's lifecycle transition
/// (docs/analytics.md has the mapping); the case is the instance.
/// </summary>
public sealed class EventLogExport(IDbContextFactory<LowCodeDbContext> contexts, DatabaseOptions database)
{
    private const int FlushEvery = 512;

    private static readonly string[] CsvColumns = ["case_id", "activity", "timestamp", "lifecycle_transition", "resource"];

    private readonly AnalyticsSql _sql = new(database.Provider);

    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = Query(db.Database.GetDbConnection(), request);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            if (request.Format == ExportFormat.Xes)
            {
                await WriteXesAsync(reader, request, output, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteCsvAsync(reader, request, output, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The lifecycle transition (XES standard model) an event type stands for; null for events not exported.</summary>
    public static string? Transition(string type) => type switch
    {
        "taskCreated" => "schedule",
        "taskClaimed" => "start",
        "taskReleased" => "suspend",
        "taskReassigned" => "reassign",
        "taskCompleted" or "scriptRan" or "parallelSplit" or "instanceCompleted" => "complete",
        "stepWaiting" => "start",
        _ => null,
    };

    private DbCommand Query(DbConnection connection, ExportRequest request)
    {
        var attributes = string.Concat(request.Attributes.Select((_, i) => $", {Attribute(i)} AS a{i}"));
        var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = $"""
            SELECT e."InstanceId", e."StepKey", e."Type", e."OccurredAt", e."Actor"{attributes}
            FROM events e JOIN instances i ON i."Id" = e."InstanceId"
            WHERE i."ProcessKey" = @p AND e."OccurredAt" >= @from AND e."OccurredAt" < @to AND e."StepKey" IS NOT NULL
              AND e."Type" IN ('taskCreated', 'taskClaimed', 'taskReleased', 'taskReassigned', 'taskCompleted', 'scriptRan', 'parallelSplit', 'stepWaiting', 'instanceCompleted')
            ORDER BY e."InstanceId", e."Id"
            """;
        AnalyticsSql.Add(command, "@p", request.Window.ProcessKey);
        AnalyticsSql.Add(command, "@from", request.Window.From.UtcDateTime);
        AnalyticsSql.Add(command, "@to", request.Window.To.UtcDateTime);
        for (var i = 0; i < request.Attributes.Count; i++)
        {
            var parts = request.Attributes[i].Split('.');
            AnalyticsSql.Add(command, $"@a{i}", database.Provider == DatabaseProvider.Sqlite ? "$." + request.Attributes[i] : parts);
        }

        return command;
    }

    private string Attribute(int i) => _sql.Provider == DatabaseProvider.Sqlite
        ? $"json_extract(i.\"Data\", @a{i})"
        : $"(i.\"Data\"::json #>> @a{i})";

    private static async Task WriteXesAsync(DbDataReader reader, ExportRequest request, Stream output, CancellationToken cancellationToken)
    {
        // The writer fills a small buffer that is drained to the output asynchronously (HTTP bodies refuse synchronous
        // writes), so memory stays flat whatever the log's size.
        using var chunk = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var xml = XmlWriter.Create(chunk, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("log");
        xml.WriteAttributeString("xes.version", "1849.2016");
        xml.WriteAttributeString("xes.features", string.Empty);
        Extension(xml, "Concept", "concept");
        Extension(xml, "Time", "time");
        Extension(xml, "Lifecycle", "lifecycle");
        Extension(xml, "Organizational", "org");
        xml.WriteStartElement("global");
        xml.WriteAttributeString("scope", "trace");
        Attribute(xml, "string", "concept:name", "__INVALID__");
        xml.WriteEndElement();
        xml.WriteStartElement("global");
        xml.WriteAttributeString("scope", "event");
        Attribute(xml, "string", "concept:name", "__INVALID__");
        Attribute(xml, "date", "time:timestamp", "1970-01-01T00:00:00.000Z");
        Attribute(xml, "string", "lifecycle:transition", "complete");
        xml.WriteEndElement();
        Classifier(xml, "Activity", "concept:name");
        Classifier(xml, "Activity_lifecycle", "concept:name lifecycle:transition");
        Attribute(xml, "string", "concept:name", request.Window.ProcessKey);
        Attribute(xml, "string", "lifecycle:model", "standard");

        string? current = null;
        var written = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = Row.Read(reader, request.Attributes.Count);
            if (row.Instance != current)
            {
                if (current is not null)
                {
                    xml.WriteEndElement();
                }

                current = row.Instance;
                xml.WriteStartElement("trace");
                Attribute(xml, "string", "concept:name", row.Instance);
                for (var i = 0; i < request.Attributes.Count; i++)
                {
                    if (row.Attributes[i] is { } value)
                    {
                        Attribute(xml, "string", request.Attributes[i], value);
                    }
                }
            }

            xml.WriteStartElement("event");
            Attribute(xml, "string", "concept:name", row.Step);
            Attribute(xml, "string", "lifecycle:transition", Transition(row.Type)!);
            Attribute(xml, "date", "time:timestamp", row.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            if (row.Actor is { Length: > 0 } actor)
            {
                Attribute(xml, "string", "org:resource", actor);
            }

            xml.WriteEndElement();
            if (++written % FlushEvery == 0)
            {
                await DrainAsync(xml, chunk, output, cancellationToken).ConfigureAwait(false);
            }
        }

        if (current is not null)
        {
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        await DrainAsync(xml, chunk, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task DrainAsync(XmlWriter xml, MemoryStream chunk, Stream output, CancellationToken cancellationToken)
    {
        xml.Flush();
        await output.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), cancellationToken).ConfigureAwait(false);
        chunk.SetLength(0);
    }

    private static async Task WriteCsvAsync(DbDataReader reader, ExportRequest request, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await csv.WriteLineAsync(string.Join(',', CsvColumns.Concat(request.Attributes).Select(Csv))).ConfigureAwait(false);
        var line = new StringBuilder();
        var written = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = Row.Read(reader, request.Attributes.Count);
            line.Clear()
                .Append(Csv(row.Instance)).Append(',')
                .Append(Csv(row.Step)).Append(',')
                .Append(row.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Transition(row.Type)).Append(',')
                .Append(Csv(row.Actor ?? string.Empty));
            foreach (var value in row.Attributes)
            {
                line.Append(',').Append(Csv(value ?? string.Empty));
            }

            await csv.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            if (++written % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Extension(XmlWriter xml, string name, string prefix)
    {
        xml.WriteStartElement("extension");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("prefix", prefix);
        xml.WriteAttributeString("uri", $"http://www.xes-standard.org/{prefix}.xesext");
        xml.WriteEndElement();
    }

    private static void Classifier(XmlWriter xml, string name, string keys)
    {
        xml.WriteStartElement("classifier");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("keys", keys);
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string type, string key, string value)
    {
        xml.WriteStartElement(type);
        xml.WriteAttributeString("key", key);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private readonly record struct Row(string Instance, string Step, string Type, DateTime At, string? Actor, string?[] Attributes)
    {
        public static Row Read(DbDataReader reader, int attributes)
        {
            var instance = reader.GetString(0);
            var step = reader.GetString(1);
            var type = reader.GetString(2);
            var at = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc);
            var actor = reader.IsDBNull(4) ? null : reader.GetString(4);
            var values = new string?[attributes];
            for (var i = 0; i < attributes; i++)
            {
                values[i] = reader.IsDBNull(5 + i) ? null : Convert.ToString(reader.GetValue(5 + i), CultureInfo.InvariantCulture);
            }

            return new Row(instance, step, type, at, actor, values);
        }
    }
}
