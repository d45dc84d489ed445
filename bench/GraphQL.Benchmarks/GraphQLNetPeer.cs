using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>
/// The benchmark schema and data for GraphQL.NET 8.8.5, code-first (its faster style here): the same types, fields,
/// arguments and 100 items as <see cref="BenchmarkSchema"/>, executed by its <see cref="DocumentExecuter"/> and
/// written by its System.Text.Json serializer. GraphQL.NET's document cache lives in a package that is not served
/// (GraphQL.MemoryCache), so every request parses and validates.
/// </summary>
internal sealed class GraphQLNetPeer
{
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    public GraphQLNetPeer()
    {
        Schema = new global::GraphQL.Types.Schema { Query = new QueryType() };
        Schema.Initialize();
    }

    public ISchema Schema { get; }

    /// <summary>Executes the items query and writes the response, as a server would.</summary>
    public async Task<string> ExecuteAndSerializeAsync(string query)
    {
        var result = await _executer.ExecuteAsync(new ExecutionOptions { Schema = Schema, Query = query });
        return _serializer.Serialize(result);
    }

    /// <summary>Parses and validates a document with GraphQL.NET's core rules, without executing it.</summary>
    public async Task<int> ParseAndValidateAsync(string text)
    {
        var document = GraphQLParser.Parser.Parse(text);
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().First(),
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });
        return result.Errors.Count;
    }

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemType>>>>("items")
                .Argument<IntGraphType>("first", a => a.DefaultValue = 100)
                .Resolve(c => BenchmarkSchema.Items.Take(c.GetArgument<int>("first")).ToList());
            Field<ItemType>("item")
                .Argument<NonNullGraphType<IdGraphType>>("id")
                .Resolve(c => BenchmarkSchema.Items.FirstOrDefault(i => i.Id == c.GetArgument<string>("id")));
        }
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
            Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
            Field<NonNullGraphType<FloatGraphType>>("price").Resolve(c => c.Source.Price);
            Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
            Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
            Field<NonNullGraphType<OwnerType>>("owner").Resolve(c => c.Source.Owner);
        }
    }

    private sealed class OwnerType : ObjectGraphType<Owner>
    {
        public OwnerType()
        {
            Name = "Owner";
            Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
            Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        }
    }
}
