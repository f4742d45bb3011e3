namespace SimZsl.IO;

/// <summary>An array of a class this reader does not decode (sparse, object, function handle, opaque). It is
/// listed so that the other variables of the file stay readable; <see cref="Reason"/> says what to do.</summary>
public sealed class MatUnsupportedArray : MatArray
{
    internal MatUnsupportedArray(MatArrayInfo info, string reason)
        : base(info) => Reason = reason;

    /// <summary>Why the array was not decoded and how to save it so that it can be.</summary>
    public string Reason { get; }
}
