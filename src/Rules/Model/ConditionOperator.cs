namespace LowCode.Rules.Model;

/// <summary>The operators of structured conditions (<c>path op value</c>); see docs/rules.md for exact semantics.</summary>
public enum ConditionOperator
{
    /// <summary><c>==</c>: same kind and value (numbers across long/double/decimal).</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c> on two numbers, two strings (ordinal) or two booleans; false otherwise.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>in</c>: the value equals an item of the operand list.</summary>
    In,

    /// <summary><c>notIn</c>.</summary>
    NotIn,

    /// <summary><c>contains</c>: a string contains the operand (ordinal) or a list has an item equal to it.</summary>
    Contains,

    /// <summary><c>startsWith</c> (ordinal).</summary>
    StartsWith,

    /// <summary><c>matches</c>: the string matches the operand regular expression (a constant, run with a timeout).</summary>
    Matches,

    /// <summary><c>isEmpty</c>: null, blank string, empty list or map. Takes no operand.</summary>
    IsEmpty,

    /// <summary><c>isNotEmpty</c>.</summary>
    IsNotEmpty,

    /// <summary><c>between</c>: lower &lt;= value &lt;= upper (inclusive), two operands.</summary>
    Between,
}
