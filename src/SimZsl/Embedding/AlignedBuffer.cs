using System.Runtime.InteropServices;

namespace SimZsl.Embedding;

/// <summary>A large array of doubles whose first element sits on a 64-byte boundary, in the pinned heap: the strain
/// matrix, read by <see cref="BlockProduct"/> in rows of whole cache lines.</summary>
internal sealed class AlignedBuffer
{
    private const int Alignment = 64;
    private readonly double[] _array;
    private readonly int _offset;

    /// <summary>Allocates <paramref name="length"/> doubles (contents undefined).</summary>
    public AlignedBuffer(int length)
    {
        _array = GC.AllocateUninitializedArray<double>(length + (Alignment / sizeof(double)), pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0).ToInt64();
        _offset = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(double);
        Length = length;
    }

    /// <summary>Number of doubles.</summary>
    public int Length { get; }

    /// <summary>The values.</summary>
    public Span<double> Span => _array.AsSpan(_offset, Length);
}
