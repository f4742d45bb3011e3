namespace SimZsl.Numerics;

/// <summary>Allocation of the n × n arrays (an input read from disk, the strain matrix), backed by transparent huge pages
/// on Linux as NumPy's are.</summary>
/// <remarks>Why: the first touch of fresh memory costs a page fault per 4 KB page; on this project's 2-core VM that was
/// 0.55–0.74 s for 200 MB (a 5000-class matrix), 0.35–0.49 s with madvise(MADV_HUGEPAGE) on the array, more than the
/// whole eigensolver. The array is pinned so that the advice stays with its address.</remarks>
internal static class LargeArrays
{
    // Below this a huge page would be mostly empty: NumPy advises from 4 MB too.
    private const long AdviseFrom = 4L << 20;
    private const long HugePage = 2L << 20;

    /// <summary>A new array of <paramref name="length"/> doubles, contents undefined.</summary>
    public static double[] Uninitialized(int length)
    {
        long bytes = (long)length * sizeof(double);
        if (bytes < AdviseFrom || !OperatingSystem.IsLinux())
        {
            return GC.AllocateUninitializedArray<double>(length);
        }

        var array = GC.AllocateUninitializedArray<double>(length, pinned: true);
        AdviseHugePages(array);
        return array;
    }

    // Only the whole huge pages inside the array; a refusal (no THP support) just leaves the default.
    private static unsafe void AdviseHugePages(double[] array)
    {
        fixed (double* first = array)
        {
            long start = ((long)first + HugePage - 1) & ~(HugePage - 1);
            long end = (long)(first + array.Length) & ~(HugePage - 1);
            if (end > start)
            {
                _ = Tmds.Linux.LibC.madvise((void*)start, (Tmds.Linux.size_t)(ulong)(end - start), Tmds.Linux.LibC.MADV_HUGEPAGE);
            }
        }
    }
}
