namespace LowCode.Engine.Validation;

/// <summary>Orders JSON paths as their places appear in the document: <c>$.steps[2]</c> before <c>$.steps[10]</c>.</summary>
internal sealed class DocumentOrder : IComparer<string>
{
    public static DocumentOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var startX = i;
                var startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var byLength = (i - startX).CompareTo(j - startY);
                var numbers = byLength != 0 ? byLength : string.CompareOrdinal(x, startX, y, startY, i - startX);
                if (numbers != 0)
                {
                    return numbers;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }
}
