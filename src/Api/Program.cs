using LowCode.Api.Files;
using LowCode.Api.GraphQL;
using LowCode.Api.Hosting;
using LowCode.Engine;
using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;

var builder = WebApplication.CreateBuilder(DemoHistoryStartup.Arguments(args));
builder.Services.AddSingleton(sp => RuntimeConfiguration.Options(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton(sp => RuntimeConfiguration.Hooks(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton(sp => RetentionConfiguration.Read(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddHostedService<RetentionHostedService>();
builder.Services.AddSingleton(sp => ExternalConfiguration.Links(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton(sp => ExternalConfiguration.Files(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
builder.Services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<LowCode.Engine.Files.FileStorageOptions>(FileEndpoints.Configure);
builder.Services.AddSingleton(sp => BoundaryConfiguration.Mail(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddHostedService<BoundaryPollingService>();
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
app.MapFiles();
app.MapHealth();
app.MapSignalResume();
app.MapRuleSetCacheHealth();
app.MapAnalyticsExport();
app.MapFallbackToFile("index.html");

await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
