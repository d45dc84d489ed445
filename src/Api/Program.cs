using LowCode.Api.Hosting;
using LowCode.Engine;

var builder = WebApplication.CreateBuilder(args);
var connectionString = SqliteConnectionStrings.Resolve(builder.Configuration.GetConnectionString("LowCode"), builder.Environment.ContentRootPath);
builder.Services.AddLowCodeEngine(connectionString);

var app = builder.Build();
await StartupTasks.PrepareDatabaseAsync(app).ConfigureAwait(false);

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHealth();
app.MapFallbackToFile("index.html");

await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
