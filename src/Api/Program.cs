var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
