using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace LowCode.Engine.Metadata;

/// <summary>A form: fields with constraints and expressions, plus cross-field validations.</summary>
public sealed record FormDefinition : IDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<FieldDefinition> Fields { get; init; } = [];

    public ImmutableArray<FormValidation> Validations { get; init; } = [];

    DefinitionKind IDefinition.Kind => DefinitionKind.Form;
}
