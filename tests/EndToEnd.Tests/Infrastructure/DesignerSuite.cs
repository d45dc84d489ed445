namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>The browser tests share one <see cref="DesignerFixture"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DesignerSuite : ICollectionFixture<DesignerFixture>
{
    public const string Name = "Designer in a browser";
}
