using TorchSharp;
using static TorchSharp.torch;
using static SimZsl.KeptScalars;

namespace SimZsl.Embedding;

/// <summary>Finds the eigenpairs the strain step keeps: κ = 0 the top d of B; κ &gt; 0 the top d + 1 of A;
/// κ &lt; 0 the top one and the d most negative of A (both ends of the spectrum). Either by a full
/// decomposition (LAPACK through libtorch) or by a block Krylov method (full reorthogonalisation,
/// Rayleigh–Ritz, residual check) that touches the n × n matrix only through a few matrix–block products.</summary>
internal static class StrainEigensolver
{
    /// <summary>Relative residual below which a Ritz pair counts as converged.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Receives one line per Rayleigh–Ritz check of the partial solver (diagnostics for benchmarks).</summary>
    internal static Action<string>? Trace { get; set; }

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
        var m = matrix.AsTensor();
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
    /// <remarks>Every step is one n × n by n × b product (libtorch, or <see cref="BlockProduct"/> from
    /// <see cref="ManagedProductFrom"/> classes), block Gram–Schmidt twice with QR, the new block's coupling to the
    /// last one in the block-tridiagonal projected matrix K = QᵀMQ, and, at scheduled checks, Rayleigh–Ritz with the
    /// residuals of the kept pairs only. The products dominate at large n; everything else is O(n·k·b).</remarks>
    public static StrainSpectrum? Partial(StrainMatrix matrix, int dimension, int seed, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        bool ones = matrix.OnesWeight > 0;
        int needed = dimension + (ones ? 1 : 0);
        // A few more columns than pairs wanted (oversampling speeds convergence), rounded up to a multiple of 8: the
        // widths BlockProduct runs fastest (16 = its register tile, 8 its half); 24 for d = 16. Wider blocks converged
        // in as many products, each dearer (measured: 20, 24, 28, 32, 36 at n = 5000).
        int blockSize = Math.Min(n, (needed + Math.Max(4, needed / 4) + 7) / 8 * 8);
        // Basis budget: κ < 0 on noisy data at n = 500–1200 needed 13–15 blocks of 24 (measured); with the former
        // budget of 12 blocks those fell back to the full decomposition, 2–8 times slower.
        int maxBasis = Math.Min(n, Math.Max(20 * blockSize, 480));
        using var scope = NewDisposeScope();

        using var unit = Local(1 / Math.Sqrt(n));
        var first = ones ? full(n, 1, unit, dtype: ScalarType.Float64) : empty(n, 0, dtype: ScalarType.Float64);
        var random = Orthonormalise(RandomBlock(n, blockSize - (ones ? 1 : 0), seed), first)!;
        var start = ones ? cat([first, random], 1) : random;
        // The basis Q and its image MQ live in two n × maxBasis buffers that each new block is copied into (q and mq
        // are views of their first k columns): growing them by concatenation copied O(n·k) per step.
        var basisStore = empty(n, maxBasis, dtype: ScalarType.Float64);
        var imageStore = empty(n, maxBasis, dtype: ScalarType.Float64);
        var q = basisStore.narrow(1, 0, start.shape[1]).copy_(start);
        var image = Apply(matrix, q, cancellationToken);
        var mq = imageStore.narrow(1, 0, start.shape[1]).copy_(image);
        var projected = q.t().mm(mq);
        int products = 1, nextCheck = 2, lastCheck = 0, lastBlock = (int)q.shape[1];
        double lastResidual = double.NaN;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int k = (int)q.shape[1];
            var next = k < n ? Orthonormalise(image, q) : null;
            bool exhausted = next is not null && k + next.shape[1] > maxBasis;
            if (next is not null && !exhausted)
            {
                // Grow the basis by the orthogonalised image of the newest block (the block Krylov sequence).
                image = Apply(matrix, next, cancellationToken);
                products++;
                // Block Lanczos: for an older block Bᵢ, Bᵢᵀ·M·next = (M·Bᵢ)ᵀ·next, and M·Bᵢ lies in the span of the
                // blocks up to Bᵢ₊₁, to which next was orthogonalised; so QᵀM·next is zero above the last block up to
                // rounding, and only the last block's and next's own rows are computed.
                long width = next.shape[1];
                basisStore.narrow(1, k, width).copy_(next);
                imageStore.narrow(1, k, width).copy_(image);
                q = basisStore.narrow(1, 0, k + width);
                mq = imageStore.narrow(1, 0, k + width);
                var window = q.narrow(1, k - lastBlock, lastBlock + next.shape[1]);
                var coupling = zeros(q.shape[1], next.shape[1], dtype: ScalarType.Float64);
                coupling.narrow(0, k - lastBlock, window.shape[1]).copy_(window.t().mm(image));
                projected = Grow(projected, coupling);
                lastBlock = (int)next.shape[1];
                k = (int)q.shape[1];
            }
            // Rayleigh–Ritz costs grow with the basis, so check only when the residual is predicted to have met
            // the tolerance (from its rate of decrease so far), and when the basis is complete or at its budget.
            if (next is not null && !exhausted && products < nextCheck)
            {
                continue;
            }

            var kArray = Symmetrised(projected);
            var ritz = StructuredRitz.Solve(kArray, k, matrix.OnesWeight, matrix.Sign);
            var (values, small) = Select(ritz, k, dimension, matrix.Curvature);
            double residual = RitzResidual(q, mq, kArray, ritz, values, small, k);
            Trace?.Invoke($"products {products}, basis {k}, residual {residual:E2}");
            nextCheck = NextCheck(products, residual, lastCheck, lastResidual);
            (lastCheck, lastResidual) = (products, residual);
            if (residual <= Tolerance || next is null)
            {
                var spectrum = Expand(q, ritz, values, small, k, products);
                return spectrum with { Residual = residual };
            }

            if (exhausted)
            {
                return null;
            }
        }
    }

    /// <summary>Classes from which M·block runs in <see cref="BlockProduct"/> rather than libtorch's matrix product.</summary>
    /// <remarks>Measured on the reference machine (AMD EPYC, 32 MB L3), block width 24: n = 2000 (M fits the L3 cache)
    /// MKL 7–8 ms, BlockProduct 9.5–11 ms; n = 5000 MKL 43–55 ms, BlockProduct 50–57 ms, but MKL 110–150 ms at widths
    /// 25, 28 and 32, where BlockProduct stays at 37–50 ms. A fixed threshold keeps the result a function of the input
    /// (the two differ in the last bits).</remarks>
    public const int ManagedProductFrom = 3000;

    // M·block: libtorch's product for small n, for widths BlockProduct does not take (blocks are a multiple of 8
    // wide once n ≥ 8, so only in theory) and without 256-bit vectors (its scalar path is slow); else BlockProduct on a
    // row-major copy of the block.
    private static Tensor Apply(StrainMatrix matrix, Tensor block, CancellationToken cancellationToken)
    {
        int n = matrix.Count, b = (int)block.shape[1];
        if (n < ManagedProductFrom || b % 4 != 0 || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            return matrix.AsTensor().mm(block);
        }

        var y = new double[n * b];
        BlockProduct.Multiply(matrix.Buffer, n, block.contiguous().data<double>().ToArray(), b, y, cancellationToken);
        return tensor(y, [n, b], ScalarType.Float64);
    }

    // Products after which to check again: where the residual, falling geometrically at the rate seen between
    // the last two checks, reaches the tolerance (at least one and at most four products on).
    private static int NextCheck(int products, double residual, int lastProducts, double lastResidual)
    {
        if (!(lastResidual > residual) || !(residual > 0) || lastProducts <= 0)
        {
            return products + 2;
        }

        double ratePerProduct = Math.Log(residual / lastResidual) / (products - lastProducts);
        double needed = Math.Log(Tolerance / residual) / ratePerProduct;
        return products + Math.Clamp((int)Math.Ceiling(needed - 0.25), 1, 4);
    }

    // [[K, C_top], [C_topᵀ, C_bottom]] from the old K and C = QᵀM·Q_new (Q including the new block).
    private static Tensor Grow(Tensor old, Tensor c)
    {
        long kOld = old.shape[0], k = c.shape[0];
        var grown = empty(k, k, dtype: ScalarType.Float64);
        grown.narrow(0, 0, kOld).narrow(1, 0, kOld).copy_(old);
        grown.narrow(1, kOld, k - kOld).copy_(c);
        grown.narrow(0, kOld, k - kOld).narrow(1, 0, kOld).copy_(c.narrow(0, 0, kOld).t());
        return grown;
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

    private static double[] Symmetrised(Tensor projected) => projected.add(projected.t(), One).mul_(Kept(0.5)).contiguous().data<double>().ToArray();

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

    // Galerkin residual of a Ritz pair of A = ρuuᵀ + σM with u in span(Q): (I − QQᵀ)Az = σ(MQ·s − Q·(K·s)),
    // computed for the kept pairs only.
    private static double RitzResidual(Tensor q, Tensor mq, double[] k, RitzPairs ritz, double[] values, double[] small, int order)
    {
        var kt = tensor(k, [order, order], ScalarType.Float64);
        int count = values.Length + (ritz.TopVector is null ? 0 : 1);
        var s = new double[order * count];
        var scales = new double[count];
        double scale = ScaleOf(values);
        for (int c = 0; c < values.Length; c++)
        {
            scales[c] = scale;
            for (int i = 0; i < order; i++)
            {
                s[(i * count) + c] = small[(i * values.Length) + c];
            }
        }

        if (ritz.TopVector is not null)
        {
            scales[count - 1] = Math.Abs(ritz.TopValue);
            for (int i = 0; i < order; i++)
            {
                s[(i * count) + count - 1] = ritz.TopVector[i];
            }
        }

        var st = tensor(s, [order, count], ScalarType.Float64);
        var r = mq.mm(st) - q.mm(kt.mm(st));
        var norms = (r * r).sum(0L).sqrt().data<double>().ToArray();
        double worst = 0;
        for (int c = 0; c < count; c++)
        {
            worst = Math.Max(worst, norms[c] / scales[c]);
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
            using var minusValue = Local(-value);
            var r = m.mm(z).mul_(Kept(matrix.Sign)).add_(z, minusValue);
            if (matrix.OnesWeight > 0)
            {
                using var ones = Local(matrix.OnesWeight * z.sum().item<double>() / n);
                r.add_(ones, One);
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

    // The columns of w made orthonormal and orthogonal to q: block Gram–Schmidt against q, QR, and both again
    // ("twice is enough"). Null when w already lies in span(q) (an invariant subspace: done).
    private static Tensor? Orthonormalise(Tensor w, Tensor q)
    {
        var before = w.mul(w).sum(0L).sqrt();
        if (q.shape[1] > 0)
        {
            w = w - q.mm(q.t().mm(w));
        }

        var after = w.mul(w).sum(0L).sqrt();
        if ((after > before.mul(Kept(1e-10))).any().item<bool>() == false)
        {
            return null;
        }

        var (basis, _) = linalg.qr(w);
        if (q.shape[1] > 0)
        {
            basis = basis - q.mm(q.t().mm(basis));
        }

        return linalg.qr(basis).Q;
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
