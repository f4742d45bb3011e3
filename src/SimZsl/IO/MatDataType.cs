namespace SimZsl.IO;

/// <summary>The data type in the tag of a MAT v5 data element (<c>mi*</c> codes of the format).</summary>
internal enum MatDataType
{
    Int8 = 1,
    UInt8 = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Single = 7,
    Double = 9,
    Int64 = 12,
    UInt64 = 13,
    Matrix = 14,
    Compressed = 15,
    Utf8 = 16,
    Utf16 = 17,
    Utf32 = 18,
}

/// <summary>Sizes and names of the numeric data types.</summary>
internal static class MatDataTypes
{
    /// <summary>Bytes per value of a numeric type; 0 for the others.</summary>
    public static int NumericSize(MatDataType type) => type switch
    {
        MatDataType.Int8 or MatDataType.UInt8 => 1,
        MatDataType.Int16 or MatDataType.UInt16 => 2,
        MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
        MatDataType.Double or MatDataType.Int64 or MatDataType.UInt64 => 8,
        _ => 0,
    };

    /// <summary>The format's name of a type code, e.g. <c>miDOUBLE</c>, for messages.</summary>
    public static string Name(MatDataType type) => Enum.IsDefined(type) ? "mi" + type.ToString().ToUpperInvariant() : $"type {(int)type}";
}
