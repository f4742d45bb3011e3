using TorchSharp;
using static TorchSharp.torch;

namespace SimZsl.Embedding;

/// <summary>Finds the eigenpairs the strain step keeps: κ = 0 the top d of B; κ &gt; 0 the top d + 1 of A;
/// κ &lt; 0 the top one and the d most negative of A (both ends of the spectrum). Either by a full
/// decomposition (LAPACK through libtorch) or by a block Krylov method (full reorthogonalisation,
/// Rayleigh–Ritz, residual check) that touches the n × n matrix only through a few matrix–block products.</summary>
internal static class StrainEigensolver
{
    /// <summary>Relative residual below which a Ritz pair counts as converged.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Solves with the full decomposition or the partial solver.</summary>
    public static StrainSpectrum Solve(StrainMatrix matrix, int dimension, bool full, int seed, CancellationToken cancellationToken)
    {
        if (!full)
        {
            var partial = Partial(matrix, dimension, seed, cancellationToken);
            if (partial is not null)
            {
                return partial;
            }
        }

        return Full(matrix, dimension, cancellationToken);
    }

    /// <summary>Full decomposition in the basis [u, u⊥] given by the Householder reflection that maps e₁ to u.</summary>
    public static StrainSpectrum Full(StrainMatrix matrix, int dimension, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        using var scope = NewDisposeScope();
        var m = frombuffer(matrix.Buffer, ScalarType.Float64, count: (long)n * n).view(n, n);
        Tensor basis, projected;
        if (matrix.OnesWeight == 0)
        {
            basis = eye(n, dtype: ScalarType.Float64);
            projected = m.clone();
        }
        else
        {
            basis = HouseholderOnes(n);
            projected = basis.mm(m.mm(basis));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var k = Symmetrised(projected);
        var ritz = StructuredRitz.Solve(k, n, matrix.OnesWeight, matrix.Sign);
        var (values, small) = Select(ritz, n, dimension, matrix.Curvature);
        var spectrum = Expand(basis, ritz, values, small, n, 0);
        return spectrum with { Residual = DirectResidual(m, matrix, spectrum) };
    }

    /// <summary>Block Krylov with Rayleigh–Ritz; null when it did not converge within its basis budget.</summary>
    public static StrainSpectrum? Partial(StrainMatrix matrix, int dimension, int seed, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        bool ones = matrix.OnesWeight > 0;
        int needed = dimension + (ones ? 1 : 0);
        int blockSize = Math.Min(n, needed + Math.Max(8, needed / 2));
        int maxBasis = Math.Min(n, Math.Max(12 * blockSize, 240));
        using var scope = NewDisposeScope();
        var m = frombuffer(matrix.Buffer, ScalarType.Float64, count: (long)n * n).view(n, n);

        var first = ones ? full(n, 1, 1 / Math.Sqrt(n), dtype: ScalarType.Float64) : empty(n, 0, dtype: ScalarType.Float64);
        var block = Orthonormalise(RandomBlock(n, blockSize - (ones ? 1 : 0), seed), first);
        block = ones ? cat([first, block!], 1) : block;
        var blocks = new List<Tensor>();
        var images = new List<Tensor>();
        int products = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = m.mm(block!);
            products++;
            blocks.Add(block!);
            images.Add(image);
            var q = cat(blocks, 1);
            int k = (int)q.shape[1];
            var next = k < n ? Orthonormalise(image, q) : null;

            // The first block is random: its Ritz pairs are never converged, so check only from the second on.
            if (products >= 2 || next is null)
            {
                var mq = cat(images, 1);
                var projected = q.t().mm(mq);
                var kArray = Symmetrised(projected);
                var ritz = StructuredRitz.Solve(kArray, k, matrix.OnesWeight, matrix.Sign);
                var (values, small) = Select(ritz, k, dimension, matrix.Curvature);
                double residual = RitzResidual(q, mq, projected, ritz, values, small, k);
                if (residual <= Tolerance || next is null)
                {
                    var spectrum = Expand(q, ritz, values, small, k, products);
                    return spectrum with { Residual = residual };
                }
            }

            if (next is null || k + next.shape[1] > maxBasis)
            {
                return null;
            }

            block = next;
        }
    }

    // H = I − 2wwᵀ/‖w‖², w = e₁ − u: symmetric, orthogonal, first column u, the others a basis of u⊥.
    private static Tensor HouseholderOnes(int n)
    {
        var w = new double[n];
        Array.Fill(w, -1 / Math.Sqrt(n));
        w[0] += 1;
        double squared = 0;
        foreach (double x in w)
        {
            squared += x * x;
        }

        var h = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[(i * n) + j] = (i == j ? 1 : 0) - (2 * w[i] * w[j] / squared);
            }
        }

        return tensor(h, [n, n], ScalarType.Float64);
    }

    private static double[] Symmetrised(Tensor projected) => ((projected + projected.t()) * 0.5).contiguous().data<double>().ToArray();

    // Picks the kept pairs from the Ritz pairs (values ascending): top d for κ ≥ 0, bottom d for κ < 0.
    private static (double[] Values, double[] Vectors) Select(RitzPairs ritz, int order, int dimension, double curvature)
    {
        int count = Math.Min(dimension, order);
        var values = new double[count];
        var vectors = new double[order * count];
        for (int c = 0; c < count; c++)
        {
            int source = curvature < 0 ? c : order - 1 - c;
            values[c] = ritz.Values[source];
            for (int i = 0; i < order; i++)
            {
                vectors[(i * count) + c] = ritz.Vectors[(i * order) + source];
            }
        }

        return (values, vectors);
    }

    // Ritz vectors z = Q·s as n-vectors, with deterministic signs.
    private static StrainSpectrum Expand(Tensor q, RitzPairs ritz, double[] values, double[] small, int order, int products)
    {
        int n = (int)q.shape[0];
        int count = values.Length;
        var s = tensor(small, [order, count], ScalarType.Float64);
        var vectors = q.mm(s).contiguous().data<double>().ToArray();
        SymmetricEigen.FixSigns(vectors, n, count);
        double[]? top = null;
        if (ritz.TopVector is not null)
        {
            top = q.mm(tensor(ritz.TopVector, [order, 1], ScalarType.Float64)).contiguous().data<double>().ToArray();
            SymmetricEigen.FixSigns(top, n, 1);
        }

        return new StrainSpectrum(ritz.TopValue, top, values, vectors, 0, products);
    }

    // Galerkin residual of a Ritz pair of A = ρuuᵀ + σM with u in span(Q): (I − QQᵀ)Az = σ(MQ − QK)s.
    private static double RitzResidual(Tensor q, Tensor mq, Tensor projected, RitzPairs ritz, double[] values, double[] small, int order)
    {
        var r = mq - q.mm((projected + projected.t()) * 0.5);
        double worst = 0;
        if (values.Length > 0)
        {
            var s = tensor(small, [order, values.Length], ScalarType.Float64);
            var norms = (r.mm(s).square().sum(0L)).sqrt().data<double>().ToArray();
            double scale = ScaleOf(values);
            foreach (double norm in norms)
            {
                worst = Math.Max(worst, norm / scale);
            }
        }

        if (ritz.TopVector is not null)
        {
            var t = tensor(ritz.TopVector, [order, 1], ScalarType.Float64);
            double norm = r.mm(t).norm().item<double>();
            worst = Math.Max(worst, norm / Math.Abs(ritz.TopValue));
        }

        return worst;
    }

    // ‖ρu(uᵀz) + σMz − μz‖ / scale, computed from the n × n matrix itself.
    private static double DirectResidual(Tensor m, StrainMatrix matrix, StrainSpectrum spectrum)
    {
        int n = matrix.Count;
        var all = new List<(double Value, double[] Vector, double Scale)>();
        double scale = ScaleOf(spectrum.Values);
        for (int c = 0; c < spectrum.Values.Length; c++)
        {
            var z = new double[n];
            for (int i = 0; i < n; i++)
            {
                z[i] = spectrum.Vectors[(i * spectrum.Values.Length) + c];
            }

            all.Add((spectrum.Values[c], z, scale));
        }

        if (spectrum.TopVector is not null)
        {
            all.Add((spectrum.TopValue, spectrum.TopVector, Math.Abs(spectrum.TopValue)));
        }

        double worst = 0;
        foreach (var (value, vector, s) in all)
        {
            var z = tensor(vector, [n, 1], ScalarType.Float64);
            var r = (m.mm(z) * matrix.Sign) - (z * value);
            if (matrix.OnesWeight > 0)
            {
                double sum = z.sum().item<double>();
                r = r + (matrix.OnesWeight * sum / n);
            }

            worst = Math.Max(worst, r.norm().item<double>() / s);
        }

        return worst;
    }

    private static double ScaleOf(double[] values)
    {
        double scale = 0;
        foreach (double v in values)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        return scale > 0 ? scale : double.Epsilon;
    }

    // Columns of w made orthonormal and orthogonal to q: two block passes against q, then column by column two
    // passes against q and the columns accepted so far ("twice is enough"). Columns that vanish (already in
    // the span) are dropped. Null when none is left.
    private static Tensor? Orthonormalise(Tensor w, Tensor q)
    {
        var original = w.square().sum(0L).sqrt().data<double>().ToArray();
        bool hasBasis = q.shape[1] > 0;
        if (hasBasis)
        {
            w = w - q.mm(q.t().mm(w));
            w = w - q.mm(q.t().mm(w));
        }

        var accepted = new List<Tensor>();
        for (int j = 0; j < w.shape[1]; j++)
        {
            var c = w.narrow(1, j, 1);
            if (hasBasis || accepted.Count > 0)
            {
                var against = hasBasis ? cat([q, .. accepted], 1) : cat(accepted, 1);
                c = c - against.mm(against.t().mm(c));
                c = c - against.mm(against.t().mm(c));
            }

            double norm = c.norm().item<double>();
            if (norm > 1e-10 * original[j] && norm > 0)
            {
                accepted.Add(c / norm);
            }
        }

        return accepted.Count == 0 ? null : cat(accepted, 1);
    }

    private static Tensor RandomBlock(int n, int columns, int seed)
    {
        var random = new Random(seed);
        var data = new double[n * columns];
        for (int i = 0; i < data.Length; i++)
        {
            // Box–Muller: a Gaussian block, the same for the same seed.
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            data[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return tensor(data, [n, columns], ScalarType.Float64);
    }
}
