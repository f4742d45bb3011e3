using System.Buffers.Binary;
using System.Text;

namespace SimZsl.IO;

/// <summary>A MATLAB MAT-file of level 5 (what <c>save -v7</c> and <c>-v6</c> write, and scipy's <c>savemat</c>):
/// either byte order, compressed and plain elements, numeric arrays of every class, logical, char, cell and struct
/// arrays. v7.3 files (HDF5) are recognised and refused with what to do instead. Every problem with the bytes is a
/// <see cref="DataFormatException"/> naming the file and the byte offset.</summary>
/// <example><code>
/// var mat = MatFile.Read("att_splits.mat");
/// RowMatrix att = mat.GetMatrix("att");                       // 85 × 50, as in MATLAB
/// IReadOnlyList&lt;string&gt; names = mat.GetStrings("allclasses_names");
/// </code></example>
public sealed class MatFile
{
    private const int HeaderLength = 128;   // descriptive text (116), subsystem offset (8), version (2), endian indicator (2)
    private static readonly byte[] Hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly Dictionary<string, MatArray> _byName;

    private MatFile(string source, string headerText, bool bigEndian, List<MatArray> arrays, long length)
    {
        FileEnd = length;
        Source = source;
        HeaderText = headerText;
        IsBigEndian = bigEndian;
        Arrays = arrays;
        _byName = new Dictionary<string, MatArray>(StringComparer.Ordinal);
        foreach (var array in arrays)
        {
            if (!_byName.TryAdd(array.Name, array))
            {
                throw new DataFormatException(source, $"variable '{array.Name}' appears twice; a MAT-file holds each name once.", offset: array.Offset);
            }
        }

        Variables = arrays.Select(a => a.Name).ToArray();
    }

    /// <summary>The file path (or the name given with the bytes).</summary>
    public string Source { get; }

    /// <summary>The descriptive text of the header, e.g. <c>MATLAB 5.0 MAT-file, Platform: GLNXA64, …</c>.</summary>
    public string HeaderText { get; }

    /// <summary>True when the file was written big-endian (endian indicator <c>MI</c>).</summary>
    public bool IsBigEndian { get; }

    /// <summary>The variable names, in file order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The variables, in file order.</summary>
    public IReadOnlyList<MatArray> Arrays { get; }

    /// <summary>Reads a whole MAT-file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a readable MAT v5 file; the message says where and why.</exception>
    public static MatFile Read(string path)
    {
        InputFile.Require(path);
        var info = new FileInfo(path);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        try
        {
            return Read(stream, info.Length, path);
        }
        catch (EndOfStreamException ex)
        {
            throw new DataFormatException(path, "the file ended early: it changed while it was being read.", offset: stream.Position, innerException: ex);
        }
    }

    /// <summary>Reads a MAT-file held in memory; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="DataFormatException">The bytes are not a readable MAT v5 file.</exception>
    public static MatFile Read(byte[] content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(source);
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, content.Length, source);
    }

    private static MatFile Read(Stream stream, long length, string source)
    {
        var head = new byte[Math.Min(length, 512 + Hdf5Signature.Length)];
        stream.ReadExactly(head);
        bool bigEndian = ReadHeader(head, source, out string text);
        var arrays = MatVariableReader.Read(stream, length, bigEndian, source);
        return new MatFile(source, text, bigEndian, arrays, length);
    }

    /// <summary>True when the file has a variable of this name.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The variable of this name, or false.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MatArray? array) =>
        _byName.TryGetValue(name, out array);

    /// <summary>The variable of this name; throws a <see cref="DataFormatException"/> listing the variables that do
    /// exist when there is none.</summary>
    public MatArray Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var array))
        {
            return array;
        }

        string list = Arrays.Count == 0 ? "none" : string.Join(", ", Arrays.Select(a => a.Describe()));
        throw new DataFormatException(Source, $"there is no variable '{name}' (searched the whole file, up to this offset). The variables are: {list}.", offset: FileEnd);
    }

    /// <summary>A numeric variable (any class, logical included).</summary>
    public MatNumericArray GetNumeric(string name) => Get(name) switch
    {
        MatNumericArray numeric => numeric,
        var other => throw WrongKind(other, "a numeric array"),
    };

    /// <summary>A 2-d real numeric variable as a row-major matrix of the same shape (m × n as in MATLAB).</summary>
    public RowMatrix GetMatrix(string name) => GetNumeric(name).ToRowMatrix();

    /// <summary>Text from a cell array of strings (one per cell, column-major) or from a char matrix (one per
    /// row, trailing padding spaces removed as MATLAB's <c>cellstr</c> does).</summary>
    public IReadOnlyList<string> GetStrings(string name)
    {
        var array = Get(name);
        switch (array)
        {
            case MatCharArray chars:
                return chars.Rows.Select(r => r.TrimEnd(' ')).ToArray();
            case MatCellArray cell:
                var result = new string[cell.Cells.Count];
                for (int k = 0; k < result.Length; k++)
                {
                    result[k] = cell.Cells[k] switch
                    {
                        MatCharArray { Rows.Count: <= 1 } text => text.Text,
                        MatNumericArray { ElementCount: 0 } => string.Empty,
                        var other => throw WrongKind(other, "a one-row char array (a string)"),
                    };
                }

                return result;
            default:
                throw WrongKind(array, "a cell array of strings or a char matrix");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {string.Join(", ", Arrays.Select(a => a.Describe()))}";

    private long FileEnd { get; }

    private DataFormatException WrongKind(MatArray array, string wanted) =>
        new(Source, $"variable '{array.Describe()}' is not {wanted}." + (array is MatUnsupportedArray u ? " " + u.Reason : string.Empty), offset: array.Offset);

    // Checks the 128-byte header; returns whether the file is big-endian.
    private static bool ReadHeader(byte[] content, string source, out string text)
    {
        bool hdf5 = content.AsSpan().StartsWith(Hdf5Signature)
            || (content.Length >= 512 + Hdf5Signature.Length && content.AsSpan(512).StartsWith(Hdf5Signature));
        text = Encoding.Latin1.GetString(content, 0, Math.Min(116, content.Length)).TrimEnd(' ', '\0');
        if (hdf5 || text.StartsWith("MATLAB 7.3", StringComparison.Ordinal))
        {
            throw new DataFormatException(source, "this is a MATLAB v7.3 MAT-file (HDF5), which this reader does not read. In MATLAB, save it again with save(file, '-v7'), or export the variables to CSV or .npy.", offset: hdf5 && !content.AsSpan().StartsWith(Hdf5Signature) ? 512 : 0);
        }

        if (content.Length < HeaderLength)
        {
            throw new DataFormatException(source, $"the file has {content.Length} bytes; a MAT-file starts with a 128-byte header. The file is truncated or not a MAT-file.", offset: content.Length);
        }

        bool bigEndian = (content[126], content[127]) switch
        {
            ((byte)'I', (byte)'M') => false,
            ((byte)'M', (byte)'I') => true,
            _ => throw new DataFormatException(source, "this is not a MAT v5 file: bytes 126–127 are not the endian indicator 'IM' or 'MI'. MAT v4 files and other formats are not read: save it again in MATLAB with save(file, '-v7'), or export CSV or .npy.", offset: 126),
        };
        int version = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(content.AsSpan(124)) : BinaryPrimitives.ReadUInt16LittleEndian(content.AsSpan(124));
        if (version == 0x0200)
        {
            throw new DataFormatException(source, "this is a MATLAB v7.3 MAT-file (HDF5), which this reader does not read. In MATLAB, save it again with save(file, '-v7'), or export the variables to CSV or .npy.", offset: 124);
        }

        if (version != 0x0100)
        {
            throw new DataFormatException(source, $"the header version is 0x{version:X4}; MAT v5 files have 0x0100. Save the file again with save(file, '-v7').", offset: 124);
        }

        return bigEndian;
    }
}
