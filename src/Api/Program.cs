using LowCode.Api.Files;
using LowCode.Api.GraphQL;
using LowCode.Api.Hosting;
using LowCode.Api.Identity;
using LowCode.Engine;
using LowCode.GraphQL.AspNetCore;

var builder = WebApplication.CreateBuilder(KeysCommand.HostArguments(DemoHistoryStartup.Arguments(args)));
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
builder.Services.AddSingleton(sp => DefinitionsSchema.Build().CreateExecutor(GraphQLLimits.Executor(sp.GetRequiredService<IConfiguration>())));
builder.Services.AddLowCodeGraphQL(options =>
{
    options.GraphiQLPagePath = Path.Combine("wwwroot", "graphiql.html");
    options.ConfigureRequestContext = ApiUser.Attach;
    options.OnConnectionInit = GraphQLIdentity.AcceptConnectionAsync;
});
builder.Services.AddOptions<GraphQLHttpOptions>().Configure<IConfiguration>(GraphQLLimits.Http);
builder.Services.AddLowCodeIdentity();
builder.Services.AddLowCodeRateLimiting();
builder.Services.AddLowCodeTelemetry(builder.Configuration);

var app = builder.Build();
if (KeysCommand.IsCommand(args))
{
    Environment.ExitCode = await KeysCommand.RunAsync(app, args, Console.Out, Console.Error).ConfigureAwait(false);
    return;
}

if (!await StartupTasks.PrepareDatabaseAsync(app).ConfigureAwait(false))
{
    // Disposing the app flushes the console logger's queue: returning at once could drop the line saying why.
    Environment.ExitCode = 1;
    await app.DisposeAsync().ConfigureAwait(false);
    return;
}

app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebSockets();
app.UseRouting();
app.UseAuthentication();
app.UseGraphQLIdentity("/graphql");
app.UseRateLimiter();
app.MapGraphQL("/graphql").RequireRateLimiting(RateLimiting.Policy);
app.MapFiles();
app.MapHealth();
app.MapProbes();
app.MapSignalResume();
app.MapRuleSetCacheHealth();
app.MapAnalyticsExport();
app.MapFallbackToFile("index.html");

await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
