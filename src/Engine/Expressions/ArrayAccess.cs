using System.Globalization;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Cheap element reads for the guards and helpers. Jint's generic [[Get]] allocates hundreds of bytes per
/// element; the built-in prototypes are frozen with no index properties, so a missing own index is a hole.
/// </summary>
internal static class ArrayAccess
{
    private static readonly string[] Names = Enumerable.Range(0, 4096).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string IndexName(uint index) => index < Names.Length ? Names[index] : index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Builds an array from its elements. Jint's [[Put]] of each index costs far more than adding the own
    /// properties directly and setting the length once, which is what a fresh array's elements are anyway.
    /// </summary>
    public static ObjectInstance Create(Jint.Engine engine, IReadOnlyList<JsValue> items)
    {
        var array = engine.Array.Construct(Jint.Runtime.Arguments.Empty);
        for (var i = 0; i < items.Count; i++)
        {
            array.FastAddProperty(IndexName((uint)i), items[i], true, true, true);
        }

        array.Put("length", new JsValue(items.Count), true);
        return array;
    }

    public static JsValue Get(ObjectInstance target, uint index)
    {
        var name = IndexName(index);
        var descriptor = target.GetOwnProperty(name);
        if (descriptor == PropertyDescriptor.Undefined)
        {
            return target.Prototype is null || target.Prototype.Extensible ? target.Get(name) : JsValue.Undefined;
        }

        return descriptor.IsDataDescriptor() ? descriptor.Value ?? JsValue.Undefined : target.Get(name);
    }
}
