namespace SimZsl.IO;

// The members are MATLAB's own class names (double, int8, char, …), which users look for by those names.
#pragma warning disable CA1720 // Identifier contains type name

/// <summary>The MATLAB array class of a variable in a MAT v5 file (the <c>mx*_CLASS</c> codes of the format).
/// A logical array has class <see cref="UInt8"/> and <see cref="MatNumericArray.IsLogical"/> set.</summary>
public enum MatClass
{
    /// <summary>A cell array (<c>mxCELL_CLASS</c>).</summary>
    Cell = 1,

    /// <summary>A struct array (<c>mxSTRUCT_CLASS</c>).</summary>
    Struct = 2,

    /// <summary>A MATLAB object (<c>mxOBJECT_CLASS</c>); not read.</summary>
    Object = 3,

    /// <summary>A character array (<c>mxCHAR_CLASS</c>).</summary>
    Char = 4,

    /// <summary>A sparse matrix (<c>mxSPARSE_CLASS</c>); not read.</summary>
    Sparse = 5,

    /// <summary>Double precision (<c>mxDOUBLE_CLASS</c>).</summary>
    Double = 6,

    /// <summary>Single precision (<c>mxSINGLE_CLASS</c>).</summary>
    Single = 7,

    /// <summary>Signed 8-bit integers.</summary>
    Int8 = 8,

    /// <summary>Unsigned 8-bit integers (also the class of logical arrays).</summary>
    UInt8 = 9,

    /// <summary>Signed 16-bit integers.</summary>
    Int16 = 10,

    /// <summary>Unsigned 16-bit integers (the class of the xlsa17 <c>*_loc</c> arrays).</summary>
    UInt16 = 11,

    /// <summary>Signed 32-bit integers.</summary>
    Int32 = 12,

    /// <summary>Unsigned 32-bit integers.</summary>
    UInt32 = 13,

    /// <summary>Signed 64-bit integers (converted to double when read: exact up to 2^53).</summary>
    Int64 = 14,

    /// <summary>Unsigned 64-bit integers (converted to double when read: exact up to 2^53).</summary>
    UInt64 = 15,

    /// <summary>A function handle; not read.</summary>
    FunctionHandle = 16,

    /// <summary>An opaque object (e.g. a <c>string</c> or <c>table</c>); not read.</summary>
    Opaque = 17,
}
#pragma warning restore CA1720
