using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.Differential;

/// <summary>
/// Every corpus document, cut short and with characters swapped, still gets a spec-shaped answer: the executor
/// never throws for bad input (a seeded generator keeps the cases the same on every run).
/// </summary>
public sealed class MalformedDocumentTests
{
    private static readonly char[] Noise = ['{', '}', '(', ')', '$', '@', '"', '.', ':', '!', '[', ']', '#', '\\', '\n', 'x', '1'];

    [Fact]
    public async Task MangledCorpusDocuments_AlwaysGetAResultWithoutThrowing()
    {
        var executor = TestSchema.Schema.CreateExecutor();
        var random = new Random(20240501);
        var count = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Support.RepositoryPaths.Differential, "corpus"), "*.graphql").Order(StringComparer.Ordinal))
        {
            var source = await File.ReadAllTextAsync(file);
            for (var variant = 0; variant < 4; variant++)
            {
                var text = source.ToCharArray();
                if (text.Length > 0)
                {
                    for (var swaps = 0; swaps < 3; swaps++)
                    {
                        text[random.Next(text.Length)] = Noise[random.Next(Noise.Length)];
                    }
                }

                var mangled = new string(text, 0, text.Length == 0 ? 0 : random.Next(text.Length + 1));
                var result = await executor.ExecuteAsync(
                    new GraphQLRequest(mangled),
                    new RequestContext { RootValue = TestSchema.RootCounter() });
                Assert.True(result.HasData || result.Errors.Count > 0, $"no data and no errors for: {mangled}");
                Assert.False(
                    result.IsRequestError && Equals(result.Errors[0].Extensions?["code"], ErrorCodes.InternalServerError),
                    $"internal error while preparing: {mangled}");
                count++;
            }
        }

        Assert.True(count >= 800);
    }
}
