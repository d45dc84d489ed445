using System.Collections.Immutable;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>One field of a <see cref="FormLayout"/>: where it sits in the definition, in the data and in expressions' scopes.</summary>
internal sealed class LayoutField
{
    public LayoutField(FieldDefinition definition, string definitionPath, LayoutField? parent, LayoutScope scope, string relativePath, int order)
    {
        Definition = definition;
        Type = definition.ParsedType();
        DefinitionPath = definitionPath;
        Parent = parent;
        Scope = scope;
        RelativePath = relativePath;
        Order = order;
    }

    public FieldDefinition Definition { get; }

    /// <summary>Null for a type the runtime does not know (the validator refuses it); such a field is ignored.</summary>
    public FieldType? Type { get; }

    public string Key => Definition.Key;

    /// <summary>Where the field is in the form definition: <c>$.fields[3].fields[1]</c>, for expression error labels.</summary>
    public string DefinitionPath { get; }

    /// <summary>The group or repeating group the field is inside, if any.</summary>
    public LayoutField? Parent { get; }

    /// <summary>The data scope the field writes to: the form's, or its repeating group's rows.</summary>
    public LayoutScope Scope { get; }

    /// <summary>The field's path within one object of its scope: <c>amount</c>, <c>address.city</c>.</summary>
    public string RelativePath { get; }

    /// <summary>Position in document order across the whole form.</summary>
    public int Order { get; }

    /// <summary>Index of the field in <see cref="LayoutScope.Fields"/>: its slot in each frame of that scope.</summary>
    public int Slot { get; set; }

    public ImmutableArray<LayoutField> Children { get; set; } = [];

    /// <summary>The scope of each row, for a repeating group.</summary>
    public LayoutScope? RowScope { get; set; }

    /// <summary>True for fields whose value an expression can read (not groups, static content or unknown types).</summary>
    public bool HoldsValue => Type is { } type && type is not (FieldType.Group or FieldType.Static);

    /// <summary>True for fields people fill in: they take input, and required and the built-in constraints apply.</summary>
    public bool TakesInput => HoldsValue && Type is not (FieldType.Computed or FieldType.Repeating);

    /// <summary>How messages name the field: its label, else its key.</summary>
    public string Name => string.IsNullOrWhiteSpace(Definition.Label) ? Key : Definition.Label;

    /// <summary>How cycle messages name the field: <c>total</c>, <c>lines[].amount</c>.</summary>
    public string DataName => Scope.Table is { } table ? $"{table.DataName}[].{RelativePath}" : RelativePath;
}
