using System.Runtime.CompilerServices;

namespace SimZsl.Samples.QuickStart;

/// <summary>Remembers the C# that did the work, as the compiler saw it, so that the lines the sample prints are the
/// real ones and cannot drift from the code: <c>var x = code.Show("x", Expression())</c> records
/// <c>var x = Expression();</c>.</summary>
public sealed class CodeLines
{
    private readonly List<string> _lines = [];

    /// <summary>The recorded lines, first use of each variable only, in order.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Returns <paramref name="value"/> and records the expression that computed it.</summary>
    public T Show<T>(string variable, T value, [CallerArgumentExpression(nameof(value))] string expression = "")
    {
        string line = $"var {variable} = {expression};";
        if (!_lines.Contains(line))
        {
            _lines.Add(line);
        }

        return value;
    }
}
