using System.Globalization;

namespace SimZsl.Tests.Infrastructure;

/// <summary>What a <see cref="DataFormatException"/> says after its location, checked to be the location the exception
/// carries: <c>file:line: </c>, <c>file at byte offset N: </c> or <c>file: </c>.</summary>
internal static class ErrorDetail
{
    public static string Of(DataFormatException error)
    {
        string location = error.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{error.File}:{line}")
            : error.Offset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"{error.File} at byte offset {offset}")
            : error.File!;
        Assert.StartsWith(location + ": ", error.Message, StringComparison.Ordinal);
        return error.Message[(location.Length + 2)..];
    }
}
