using System.Globalization;
using System.Net;
using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Types;

// The benchmark server: the schema and data node/server.mjs serves, on 127.0.0.1:<port>/graphql.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5081;
var items = Enumerable.Range(0, 100).Select(i => new Item(
    Id: (i + 1).ToString(CultureInfo.InvariantCulture),
    Name: $"Item {i + 1}",
    Price: (i + 1) * 1.25,
    Quantity: i * 3,
    Active: i % 2 == 0,
    Owner: new Owner($"owner-{i % 10}", $"Owner {i % 10}"))).ToArray();

var schema = SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema.graphql")))
    .Resolve("Query", "hello", _ => "world")
    .Resolve("Query", "items", _ => items)
    .Build();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
var app = builder.Build();
app.MapGraphQL("/graphql", schema.CreateExecutor());
app.Run();

internal sealed record Item(string Id, string Name, double Price, int Quantity, bool Active, Owner Owner);

internal sealed record Owner(string Id, string Name);
