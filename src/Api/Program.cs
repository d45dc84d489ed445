using LowCode.Api.GraphQL;
using LowCode.Api.Hosting;
using LowCode.Engine;
using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;

var builder = WebApplication.CreateBuilder(DemoHistoryStartup.Arguments(args));
builder.Services.AddSingleton(sp => RuntimeConfiguration.Options(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton(sp => RuntimeConfiguration.Hooks(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddLowCodeEngine(sp => DatabaseConfiguration.Read(
    sp.GetRequiredService<IConfiguration>(),
    sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
builder.Services.AddSingleton(_ => DefinitionsSchema.Build().CreateExecutor(new ExecutorOptions()));
builder.Services.AddLowCodeGraphQL(options =>
{
    options.GraphiQLPagePath = Path.Combine("wwwroot", "graphiql.html");
    options.ConfigureRequestContext = ApiUser.Attach;
});

var app = builder.Build();
if (!await StartupTasks.PrepareDatabaseAsync(app).ConfigureAwait(false))
{
    Environment.ExitCode = 1;
    return;
}

app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebSockets();
app.MapGraphQL("/graphql");
app.MapHealth();
app.MapRuleSetCacheHealth();
app.MapAnalyticsExport();
app.MapFallbackToFile("index.html");

await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
