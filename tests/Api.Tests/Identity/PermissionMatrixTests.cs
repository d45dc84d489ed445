using System.Text;
using System.Text.Json;
using LowCode.Api.GraphQL;
using LowCode.Api.Identity;
using LowCode.Api.Tests.GraphQL;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;
using LowCode.Tests.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.Identity;

/// <summary>
/// The permission matrix, generated from the product schema: every root field (query, mutation, subscription) is run
/// by a caller of each permission, with made-up arguments, and what the Api did (admitted or FORBIDDEN) is compared
/// with the approved matrix in __snapshots__. An operation added without an <c>@allow</c> rule fails here, saying what
/// to add. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.
/// </summary>
public abstract class PermissionMatrixTests(ApiFactory factory)
{
    private static readonly string[] Permissions = ["admin", "designer", "analyst", "user"];

    [Fact]
    public void EveryRootField_DeclaresWhoMayRunIt()
    {
        var missing = RootFields().Where(f => OperationRules.AllowedFor(f.Field) is null).Select(f => $"{f.Type.Name}.{f.Field.Name}").ToList();

        Assert.True(
            missing.Count == 0,
            $"These operations have no permission rule: {string.Join(", ", missing)}. Add `@allow(permissions: [ADMIN | DESIGNER | ANALYST | USER, ...])` " +
            "after the field's type in the SDL (src/Api/GraphQL/*.graphql) naming who may run it (admin always may), then rerun with UPDATE_SNAPSHOTS=1 " +
            "to approve the new row of PermissionMatrixTests.snap, and list the operation with its permission in docs/api.md.");
    }

    [Fact]
    public async Task EveryOperation_AdmitsExactlyThePermissionsOfTheApprovedMatrix()
    {
        using var client = factory.CreateClient();
        var matrix = new StringBuilder();
        foreach (var (type, field) in RootFields())
        {
            var admitted = new List<string>();
            foreach (var permission in Permissions)
            {
                var caller = Caller.With(permission, $"matrix-{permission}@example.com", "matrix");
                var code = type.Name == "Subscription"
                    ? await SubscribeAsync(caller, field)
                    : FirstErrorCode(await GraphQLClient.PostAsync(client, Operation(type, field), caller: caller));
                Assert.NotEqual(OperationRules.Unauthenticated, code);
                if (code != OperationRules.Forbidden)
                {
                    admitted.Add(permission);
                }
            }

            matrix.Append(type.Name).Append('.').Append(field.Name).Append(": ").AppendJoin(' ', admitted).Append('\n');
        }

        ApprovedSnapshot.Match(matrix.ToString(), "PermissionMatrixTests.snap");
    }

    [Fact]
    public async Task EveryOperation_RefusesACallerWithoutAKey_AsUnauthenticated()
    {
        using var client = factory.CreateClient();
        foreach (var (type, field) in RootFields().Where(f => f.Type.Name != "Subscription"))
        {
            var result = await GraphQLClient.PostAsync(client, Operation(type, field), caller: Caller.Anonymous);

            Assert.Equal(OperationRules.Unauthenticated, FirstErrorCode(result));
        }
    }

    private async Task<string?> SubscribeAsync(Caller caller, FieldDefinition field)
    {
        var executor = factory.Services.GetRequiredService<IRequestExecutor>();
        using var cts = new CancellationTokenSource();
        var result = await executor.ExecuteAsync(new GraphQLRequest(Operation(Schema.Subscription!, field, "subscription")), caller.Context(factory.Services), cts.Token);
        await cts.CancelAsync();
        return result.Errors.Count > 0 ? result.Errors[0].Extensions?.GetValueOrDefault("code") as string : null;
    }

    private static Schema Schema { get; } = DefinitionsSchema.Build();

    private static IEnumerable<(ObjectType Type, FieldDefinition Field)> RootFields() =>
        new[] { Schema.Query, Schema.Mutation, Schema.Subscription }
            .OfType<ObjectType>()
            .SelectMany(t => t.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).Select(f => (t, f)));

    private static string? FirstErrorCode(JsonElement result) =>
        result.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        && errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    /// <summary>The field with made-up values for its required arguments, selecting __typename when it returns an object.</summary>
    private static string Operation(ObjectType type, FieldDefinition field, string? keyword = null)
    {
        var arguments = field.Arguments.Where(a => a.Type is NonNullType && a.DefaultValue is null).Select(a => $"{a.Name}: {Value(a.Type)}").ToList();
        var selection = field.Type.Named is ScalarType or EnumType ? string.Empty : " { __typename }";
        var call = arguments.Count == 0 ? field.Name : $"{field.Name}({string.Join(", ", arguments)})";
        return $"{keyword ?? (type.Name == "Mutation" ? "mutation" : "query")} {{ {call}{selection} }}";
    }

    private static string Value(GraphQLType type) => (type is NonNullType nonNull ? nonNull.OfType : type) switch
    {
        ListType => "[]",
        EnumType e => e.Values[0].Name,
        InputObjectType input => "{ " + string.Join(", ", input.Fields.Where(f => f.Type is NonNullType && f.DefaultValue is null).Select(f => $"{f.Name}: {Value(f.Type)}")) + " }",
        ScalarType { Name: "Int" } => "1",
        ScalarType { Name: "Float" } => "1.5",
        ScalarType { Name: "Boolean" } => "true",
        ScalarType { Name: "DateTime" } => "\"2026-01-01T00:00:00Z\"",
        ScalarType { Name: "JSON" } => "{}",
        _ => "\"matrix\"",
    };
}

public sealed class PermissionMatrixTestsOnSqlite(SqliteApiFactory factory) : PermissionMatrixTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class PermissionMatrixTestsOnPostgreSQL(PostgresApiFactory factory) : PermissionMatrixTests(factory), IClassFixture<PostgresApiFactory>;
