using System.Collections.Immutable;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>The fields of a form arranged for evaluation: document order, data scopes and the names each scope resolves.</summary>
internal sealed class FormLayout
{
    private FormLayout(LayoutScope top, ImmutableArray<LayoutField> fields, ImmutableArray<LayoutScope> scopes)
    {
        Top = top;
        Fields = fields;
        Scopes = scopes;
    }

    /// <summary>The form's own data scope.</summary>
    public LayoutScope Top { get; }

    /// <summary>Every field in document order (its <see cref="LayoutField.Order"/> is its index here).</summary>
    public ImmutableArray<LayoutField> Fields { get; }

    /// <summary>The form's scope first, then one per repeating group in document order.</summary>
    public ImmutableArray<LayoutScope> Scopes { get; }

    public static FormLayout Of(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var top = new LayoutScope(null, null);
        var fields = new List<LayoutField>();
        var scopes = new List<LayoutScope> { top };
        _ = Add(form.Fields.IsDefault ? [] : form.Fields, "$.fields", null, top, string.Empty, fields, scopes);
        return new FormLayout(top, [.. fields], [.. scopes]);
    }

    private static ImmutableArray<LayoutField> Add(
        ImmutableArray<FieldDefinition> definitions, string path, LayoutField? parent, LayoutScope scope, string prefix,
        List<LayoutField> fields, List<LayoutScope> scopes)
    {
        var added = ImmutableArray.CreateBuilder<LayoutField>(definitions.Length);
        for (var i = 0; i < definitions.Length; i++)
        {
            var definition = definitions[i];
            var at = $"{path}[{i}]";
            var field = new LayoutField(definition, at, parent, scope, prefix + definition.Key, fields.Count) { Slot = scope.Fields.Count };
            fields.Add(field);
            scope.Fields.Add(field);
            if (parent is null || parent.Type == FieldType.Repeating)
            {
                scope.Roots.Add(field);
            }
            if (field.HoldsValue)
            {
                scope.Names.TryAdd(field.Key, field);
            }

            var children = definition.Fields.IsDefault ? [] : definition.Fields;
            if (field.Type == FieldType.Group)
            {
                field.Children = Add(children, at + ".fields", field, scope, field.RelativePath + ".", fields, scopes);
            }
            else if (field.Type == FieldType.Repeating)
            {
                var rows = new LayoutScope(field, scope) { Index = scopes.Count };
                scopes.Add(rows);
                field.RowScope = rows;
                field.Children = Add(children, at + ".fields", field, rows, string.Empty, fields, scopes);
            }

            added.Add(field);
        }

        return added.MoveToImmutable();
    }
}
