using System.Runtime.InteropServices;
using TorchSharp;

namespace SimZsl.Embedding;

/// <summary>A large array of doubles whose first element sits on a 64-byte boundary, in the pinned heap, that
/// libtorch can use in place (no copy). Why aligned: BLAS picks its kernels by the alignment of its inputs, and
/// an arbitrarily aligned managed array made matrix products differ in the last bits from run to run.</summary>
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

    /// <summary>A rows × columns tensor over the same memory (dispose it, e.g. through a dispose scope).</summary>
    public torch.Tensor AsTensor(int rows, int columns) =>
        torch.frombuffer(_array, torch.ScalarType.Float64, count: Length, offset: _offset).view(rows, columns);
}
