using System.IO.Compression;
using System.Text;
using SimZsl.IO;

namespace SimZsl.Samples.Shared;

/// <summary>Writes MAT v5 files that MATLAB's <c>load</c>, scipy's <c>loadmat</c> and <see cref="MatFile"/> read:
/// numeric matrices, text and cell arrays of strings, each variable optionally zlib-compressed (as <c>save -v7</c>
/// does); the file is written atomically. The library only reads MAT files, so the writer lives with the samples,
/// which write a synthetic xlsa17 <c>res101.mat</c> with it (SyntheticRes101); the tests build their
/// fixtures with it (every array class, both byte orders) and the benchmarks compile it for their large file.</summary>
/// <example><code>
/// new MatFileWriter(compress: true).AddMatrix("att", att).AddStrings("allclasses_names", names).Save("att.mat");
/// </code></example>
internal sealed class MatFileWriter
{
    private readonly List<MatWriterNode> _variables = [];
    private readonly bool _bigEndian;

    /// <summary>Creates an empty file; with <paramref name="compress"/>, each variable is a zlib-compressed element.</summary>
    public MatFileWriter(bool compress = false)
        : this(compress, bigEndian: false)
    {
    }

    /// <summary>Also big-endian files, which only tests need.</summary>
    internal MatFileWriter(bool compress, bool bigEndian)
    {
        Compress = compress;
        _bigEndian = bigEndian;
    }

    /// <summary>Whether variables are written compressed.</summary>
    public bool Compress { get; }

    /// <summary>Adds a matrix as an m × n double variable of the same shape.</summary>
    public MatFileWriter AddMatrix(string name, RowMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var columnMajor = new double[matrix.Rows * matrix.Columns];
        for (int i = 0; i < matrix.Rows; i++)
        {
            for (int j = 0; j < matrix.Columns; j++)
            {
                columnMajor[i + (matrix.Rows * j)] = matrix[i, j];
            }
        }

        return Add(new MatNumericNode(CheckName(name), MatClass.Double, [matrix.Rows, matrix.Columns], columnMajor, null, MatDataType.Double, false));
    }

    /// <summary>Adds a numeric array of any shape and class from values in MATLAB's column-major order. Values of
    /// an integer class must be whole numbers in its range.</summary>
    public MatFileWriter AddNumeric(string name, IReadOnlyList<int> dimensions, ReadOnlySpan<double> columnMajorValues, MatClass numericClass = MatClass.Double)
    {
        var storage = numericClass switch
        {
            >= MatClass.Double and <= MatClass.UInt64 => StorageOf(numericClass),
            _ => throw new ArgumentException($"{numericClass} is not a numeric class.", nameof(numericClass)),
        };
        return AddNumeric(name, dimensions, columnMajorValues.ToArray(), null, numericClass, storage, logical: false);
    }

    /// <summary>Any class stored in any numeric type, complex and logical arrays included (for tests of the reader).</summary>
    internal MatFileWriter AddNumeric(string name, IReadOnlyList<int> dimensions, double[] real, double[]? imaginary, MatClass cls, MatDataType storage, bool logical)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count == 0)
        {
            throw new ArgumentException("An array needs at least one dimension.", nameof(dimensions));
        }

        int[] dims = dimensions.Count == 1 ? [dimensions[0], 1] : dimensions.ToArray();
        if (dims.Any(d => d < 0) || dims.Aggregate(1L, (a, b) => a * b) != real.Length || (imaginary is not null && imaginary.Length != real.Length))
        {
            throw new ArgumentException($"Dimensions ({string.Join('×', dims)}) do not hold {real.Length} values.", nameof(dimensions));
        }

        CheckRepresentable(real, storage);
        CheckRepresentable(imaginary ?? [], storage);
        return Add(new MatNumericNode(CheckName(name), cls, dims, real, imaginary, storage, logical));
    }

    /// <summary>Adds a one-row char array.</summary>
    public MatFileWriter AddText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(new MatTextNode(CheckName(name), text));
    }

    /// <summary>Adds an n × 1 cell array of strings (how xlsa17 stores <c>allclasses_names</c>).</summary>
    public MatFileWriter AddStrings(string name, IReadOnlyList<string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var cells = strings.Select(s => (MatWriterNode)new MatTextNode(string.Empty, s ?? throw new ArgumentException("A string is null.", nameof(strings)))).ToArray();
        return Add(new MatCellNode(CheckName(name), [cells.Length, 1], cells));
    }

    /// <summary>Writes the file atomically (a temporary file moved into place).</summary>
    public void Save(string path) => AtomicFile.Write(path, WriteTo);

    /// <summary>The file's bytes.</summary>
    public byte[] ToArray()
    {
        using var memory = new MemoryStream();
        WriteTo(memory);
        return memory.ToArray();
    }

    /// <summary>Writes the file to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var output = new MatElementWriter(stream, _bigEndian);
        var text = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by SimZsl".PadRight(116));
        stream.Write(text);
        stream.Write(new byte[8]);   // no subsystem data
        stream.Write(_bigEndian ? [0x01, 0x00, (byte)'M', (byte)'I'] : [0x00, 0x01, (byte)'I', (byte)'M']);
        foreach (var variable in _variables)
        {
            if (!Compress)
            {
                variable.Write(output);
                continue;
            }

            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                variable.Write(new MatElementWriter(zlib, _bigEndian));
            }

            output.WriteTag(MatDataType.Compressed, compressed.Length);
            compressed.Position = 0;
            compressed.CopyTo(stream);   // compressed elements are not padded
        }
    }

    private MatFileWriter Add(MatWriterNode node)
    {
        if (_variables.Any(v => v.Name == node.Name))
        {
            throw new ArgumentException($"A variable named '{node.Name}' was already added.", nameof(node));
        }

        _variables.Add(node);
        return this;
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a MATLAB variable name (a letter, then letters, digits or underscores).", nameof(name));
        }

        return name;
    }

    private static MatDataType StorageOf(MatClass cls) => cls switch
    {
        MatClass.Single => MatDataType.Single,
        MatClass.Int8 => MatDataType.Int8,
        MatClass.UInt8 => MatDataType.UInt8,
        MatClass.Int16 => MatDataType.Int16,
        MatClass.UInt16 => MatDataType.UInt16,
        MatClass.Int32 => MatDataType.Int32,
        MatClass.UInt32 => MatDataType.UInt32,
        MatClass.Int64 => MatDataType.Int64,
        MatClass.UInt64 => MatDataType.UInt64,
        _ => MatDataType.Double,
    };

    private static void CheckRepresentable(double[] values, MatDataType storage)
    {
        var (min, max) = storage switch
        {
            MatDataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            MatDataType.UInt8 => (0, byte.MaxValue),
            MatDataType.Int16 => (short.MinValue, short.MaxValue),
            MatDataType.UInt16 => (0, ushort.MaxValue),
            MatDataType.Int32 => (int.MinValue, int.MaxValue),
            MatDataType.UInt32 => (0, uint.MaxValue),
            MatDataType.Int64 => (-9.2233720368547758E+18, 9.2233720368547748E+18),
            MatDataType.UInt64 => (0, 1.8446744073709550E+19),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(min))
        {
            return;
        }

        foreach (double v in values)
        {
            if (v != Math.Floor(v) || v < min || v > max)
            {
                throw new ArgumentException($"The value {v} cannot be stored as {MatDataTypes.Name(storage)}: whole numbers from {min} to {max} only.", nameof(values));
            }
        }
    }
}
