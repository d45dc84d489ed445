using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LowCode.Engine.Analytics;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Analytics;

public abstract class EventLogExportTests(DatabaseProvider provider)
{
    private static readonly AnalyticsWindow Window = new("it-access-request", KnownHistory.Day0, KnownHistory.Day0.AddDays(16));

    [Fact]
    public async Task TheXesExportValidatesAgainstTheStandardSchemaAndTellsEachCaseAsItWasDriven()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var history = await KnownHistory.BuildAsync(h);

        var xes = await ExportAsync(h, new ExportRequest(Window, ExportFormat.Xes, ["system", "accessLevel"]));

        Assert.Empty(Validate(xes));
        var log = XDocument.Parse(xes).Root!;
        Assert.Equal(["concept", "time", "lifecycle", "org"], log.Elements("extension").Select(e => (string)e.Attribute("prefix")!));
        var traces = log.Elements("trace").ToList();
        Assert.Equal(history.ItAccess.Select(c => c.Id).Order(StringComparer.Ordinal), traces.Select(t => Value(t, "concept:name")));

        var first = history.ItAccess[0];
        var trace = traces.Single(t => Value(t, "concept:name") == first.Id);
        Assert.Equal(("crm", "read"), (Value(trace, "system"), Value(trace, "accessLevel")));
        var events = trace.Elements("event").Select(e => (Value(e, "concept:name"), Value(e, "lifecycle:transition"), Value(e, "time:timestamp"))).ToList();
        string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                ("request", "schedule", At(first.Started)),
                ("request", "complete", At(first.Task("request").Done!.Value)),
                ("approvals", "complete", At(first.Task("request").Done!.Value)),
                ("managerApproval", "schedule", At(first.Task("managerApproval").Created)),
                ("securityApproval", "schedule", At(first.Task("securityApproval").Created)),
                ("securityApproval", "complete", At(first.Task("securityApproval").Done!.Value)),
                ("managerApproval", "complete", At(first.Task("managerApproval").Done!.Value)),
                ("recordRejection", "complete", At(first.Completed!.Value)),
                ("rejected", "complete", At(first.Completed!.Value)),
            ],
            events);
        var claimed = traces.Single(t => Value(t, "concept:name") == history.ItAccess[1].Id).Elements("event")
            .Single(e => Value(e, "lifecycle:transition") == "start");
        Assert.Equal(("securityApproval", RuntimeHarness.Security.Id), (Value(claimed, "concept:name"), Value(claimed, "org:resource")));
    }

    [Fact]
    public async Task TheCsvExportHasOneRowPerXesEventAndThePickedAttributesAsColumns()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await KnownHistory.BuildAsync(h);

        var xes = XDocument.Parse(await ExportAsync(h, new ExportRequest(Window, ExportFormat.Xes, ["system"])));
        var csv = await ExportAsync(h, new ExportRequest(Window, ExportFormat.Csv, ["system"]));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("case_id,activity,timestamp,lifecycle_transition,resource,system", lines[0]);
        var expected = xes.Root!.Elements("trace").SelectMany(t => t.Elements("event").Select(e =>
            $"{Value(t, "concept:name")},{Value(e, "concept:name")},{Value(e, "time:timestamp")},{Value(e, "lifecycle:transition")},{Value(e, "org:resource")},{Value(t, "system")}"));
        Assert.Equal(expected, lines.Skip(1));
        Assert.Contains(lines, l => l.EndsWith(",prodServers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWindowOutsideTheHistoryExportsAnEmptyButValidLog()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await KnownHistory.BuildAsync(h);

        var xes = await ExportAsync(h, new ExportRequest(Window with { From = KnownHistory.Day0.AddYears(-1), To = KnownHistory.Day0.AddDays(-1) }, ExportFormat.Xes, []));

        Assert.Empty(Validate(xes));
        Assert.Empty(XDocument.Parse(xes).Root!.Elements("trace"));
    }

    private static async Task<string> ExportAsync(RuntimeHarness h, ExportRequest request)
    {
        using var output = new MemoryStream();
        await new EventLogExport(h.Database.Contexts, h.Database.Options).WriteAsync(request, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string? Value(XElement element, string key) =>
        (string?)element.Elements().FirstOrDefault(a => (string?)a.Attribute("key") == key)?.Attribute("value");

    private static List<string> Validate(string xes)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Analytics", "Xes", "xes-ieee-1849-2016.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xes), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}

public sealed class EventLogExportTestsOnSqlite() : EventLogExportTests(DatabaseProvider.Sqlite);

public sealed class EventLogExportTestsOnPostgreSQL() : EventLogExportTests(DatabaseProvider.PostgreSQL);

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void AFieldIsQuotedOnlyWhenRfc4180NeedsIt(string value, string written) => Assert.Equal(written, EventLogExport.Csv(value));
}
