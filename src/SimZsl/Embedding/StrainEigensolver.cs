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
    /// <remarks>Every step is one n × n by n × b product M·Bⱼ (<see cref="BlockProduct"/> for blocks of 16 columns and
    /// from <see cref="ManagedProductFrom"/> classes, else libtorch) and the block Lanczos recurrence with full
    /// reorthogonalisation:
    /// the coupling C = [Bⱼ₋₁, Bⱼ]ᵀM·Bⱼ fills the block-tridiagonal projected matrix K = QᵀMQ; W = M·Bⱼ − [Bⱼ₋₁, Bⱼ]·C
    /// is, up to rounding, what M·Bⱼ has outside span(Q); QR, Gram–Schmidt against all of Q and QR again make the next
    /// block Bⱼ₊₁ from it. At scheduled checks, Rayleigh–Ritz on K; the residual of a Ritz pair z = Q·s is W·sⱼ (sⱼ: the
    /// rows of s that belong to Bⱼ), no pass over n × k. The products dominate at large n; all else is O(n·k·b).</remarks>
    public static StrainSpectrum? Partial(StrainMatrix matrix, int dimension, int seed, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        bool ones = matrix.OnesWeight > 0;
        int needed = dimension + (ones ? 1 : 0);
        // The pairs wanted plus a quarter (at least 4) for oversampling, rounded to the nearest multiple of 16 (at least
        // 16): the width of BlockProduct's register tile, where it runs several times faster per column than at other
        // widths (BlockProductBenchmarks, n = 2000: 16 columns 3.3 ms, 24 5.8 ms; MKL 11.3 ms at 16, 6.7 ms at 24). So
        // 16 for d = 16 although κ ≠ 0 wants 17 pairs: on noisy data the residual fell by the same factor per product
        // (about 11 at n = 2000) with blocks of 16, 24, 32 and 48, so the narrower block needs about as many products
        // (κ = −1: 13 against 12) and each is far cheaper.
        int blockSize = Math.Min(n, 16 * Math.Max(1, (int)Math.Floor(((needed + Math.Max(4, needed / 4)) / 16.0) + 0.5)));
        // Basis budget, at least 480 columns: κ < 0 on noisy data at n = 500–1200 needed 312–360 columns in blocks of 24
        // and 272 in blocks of 16 at n = 500 (measured); with a budget of 288 those fell back to the full decomposition,
        // 2–8 times slower.
        int maxBasis = Math.Min(n, Math.Max(20 * blockSize, 480));
        using var scope = NewDisposeScope();

        using var unit = Local(1 / Math.Sqrt(n));
        var first = ones ? full(n, 1, unit, dtype: ScalarType.Float64) : empty(n, 0, dtype: ScalarType.Float64);
        var random = Orthonormalise(RandomBlock(n, blockSize - (ones ? 1 : 0), seed), first);
        var start = ones ? cat([first, random], 1) : random;
        // Q and K live in buffers sized for the whole budget that each new block is copied into (q is a view of the
        // first k columns): growing them by concatenation copied O(n·k) and O(k²) per step.
        var basisStore = empty(n, maxBasis, dtype: ScalarType.Float64);
        var projected = new double[maxBasis * maxBasis];
        int k = (int)start.shape[1], block = k, previous = 0;
        var q = basisStore.narrow(1, 0, k).copy_(start);
        var image = Apply(matrix, q, cancellationToken);
        int products = 1, nextCheck = 2, lastCheck = 0;
        double lastResidual = double.NaN;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Block Lanczos: for an older block Bᵢ, Bᵢᵀ·M·Bⱼ = (M·Bᵢ)ᵀ·Bⱼ, and M·Bᵢ lies in the span of the blocks up
            // to Bᵢ₊₁, to which Bⱼ was orthogonalised; so QᵀM·Bⱼ is zero above Bⱼ₋₁ up to rounding.
            var window = q.narrow(1, k - block - previous, previous + block);
            var coupling = window.t().mm(image);
            StoreCoupling(projected, maxBasis, coupling, k - block - previous, k - block, block);
            var outside = image - window.mm(coupling);
            bool complete = k == n;
            bool invariant = !complete && IsInvariant(image, outside);
            bool exhausted = !complete && !invariant && k + block > maxBasis;
            if (complete || invariant || exhausted || products >= nextCheck)
            {
                // Rayleigh–Ritz costs grow with the basis, so check only when the residual is predicted to have met the
                // tolerance (from its rate of decrease so far), and when the basis is complete, invariant or at its budget.
                var kArray = Leading(projected, maxBasis, k);
                var ritz = StructuredRitz.Solve(kArray, k, matrix.OnesWeight, matrix.Sign);
                var (values, small) = Select(ritz, k, dimension, matrix.Curvature);
                double residual = RitzResidual(outside, block, ritz, values, small, k);
                Trace?.Invoke($"products {products}, basis {k}, residual {residual:E2}");
                nextCheck = NextCheck(products, residual, lastCheck, lastResidual, k <= 6 * blockSize);
                (lastCheck, lastResidual) = (products, residual);
                if (residual <= Tolerance || complete || invariant)
                {
                    var spectrum = Expand(q, ritz, values, small, k, products);
                    return spectrum with { Residual = residual };
                }

                if (exhausted)
                {
                    return null;
                }
            }

            // Grow the basis by the orthogonalised image of the newest block (the block Krylov sequence).
            var next = Orthonormalise(outside, q);
            previous = block;
            block = (int)next.shape[1];
            q = basisStore.narrow(1, 0, k + block);
            q.narrow(1, k, block).copy_(next);
            k += block;
            image = Apply(matrix, next, cancellationToken);
            products++;
        }
    }

    // C = [Bⱼ₋₁, Bⱼ]ᵀ·M·Bⱼ into K (order ≤ stride, row-major with that stride): the rows of Bⱼ₋₁ above the diagonal
    // and, transposed, below it; the diagonal block Bⱼᵀ·M·Bⱼ, symmetric only up to the rounding of the product, as the
    // mean of itself and its transpose.
    private static void StoreCoupling(double[] k, int stride, Tensor coupling, int top, int column, int width)
    {
        var c = TensorArrays.ToArray(coupling);
        int previousRows = column - top;
        for (int i = 0; i < previousRows; i++)
        {
            for (int j = 0; j < width; j++)
            {
                double value = c[(i * width) + j];
                k[((top + i) * stride) + column + j] = value;
                k[((column + j) * stride) + top + i] = value;
            }
        }

        for (int i = 0; i < width; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double value = 0.5 * (c[((previousRows + i) * width) + j] + c[((previousRows + j) * width) + i]);
                k[((column + i) * stride) + column + j] = value;
                k[((column + j) * stride) + column + i] = value;
            }
        }
    }

    // True when no column of M·Bⱼ has more than a rounding-level share outside span(Q): the basis spans an
    // invariant subspace and the Ritz pairs are exact.
    private static bool IsInvariant(Tensor image, Tensor outside)
    {
        var before = image.mul(image).sum(0L).sqrt();
        var after = outside.mul(outside).sum(0L).sqrt();
        return !(after > before.mul(Kept(1e-10))).any().item<bool>();
    }

    /// <summary>Classes from which M·block runs in <see cref="BlockProduct"/> at every block width; blocks of 16 columns
    /// (the default for up to 19 wanted pairs) run there at every n.</summary>
    /// <remarks>Measured on the reference machine (AMD EPYC, 32 MB L3; BlockProductBenchmarks): n = 2000, BlockProduct
    /// at 16 columns 3.3 ms (MKL 11.3 ms), at 24 5.8 ms (MKL 6.7 ms), at 48 18.5 ms (MKL 10.2 ms); n = 5000, width 24,
    /// MKL 43–55 ms and BlockProduct 50–57 ms, but MKL 110–150 ms at widths 25, 28 and 32, where BlockProduct stays at
    /// 37–50 ms. A rule on n and the width alone keeps the result a function of the input (the two differ in the last
    /// bits).</remarks>
    public const int ManagedProductFrom = 3000;

    // M·block: BlockProduct on a row-major copy of the block for 16 columns and from ManagedProductFrom classes;
    // libtorch's product for other widths below that, for widths BlockProduct does not take (not a multiple of 4) and
    // without 256-bit vectors (its scalar path is slow).
    private static Tensor Apply(StrainMatrix matrix, Tensor block, CancellationToken cancellationToken)
    {
        int n = matrix.Count, b = (int)block.shape[1];
        bool managed = (b == 16 || n >= ManagedProductFrom) && b % 4 == 0 && System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated;
        if (!managed)
        {
            return matrix.AsTensor().mm(block);
        }

        var y = new double[n * b];
        BlockProduct.Multiply(matrix.Buffer, n, TensorArrays.ToArray(block), b, y, cancellationToken);
        return TensorArrays.FromArray(y, n, b);
    }

    // Products after which to check again: where the residual, falling geometrically at the rate seen between
    // the last two checks, reaches the tolerance (at least one product on; at most four, or eight when that rate was
    // measured over the last product alone). While the basis is small (a Rayleigh–Ritz check then costs far less than
    // a product), a rate measured over more than one product is first measured again over the next one: the early
    // rate includes the start's transient, too slow by half (n = 2000, κ = −1: 7 per product over products 2–4, then
    // a steady 11), and the check it scheduled came too early, an expensive one on a large basis.
    private static int NextCheck(int products, double residual, int lastProducts, double lastResidual, bool cheap)
    {
        if (!(lastResidual > residual) || !(residual > 0) || lastProducts <= 0)
        {
            return products + 2;
        }

        double ratePerProduct = Math.Log(residual / lastResidual) / (products - lastProducts);
        double needed = Math.Log(Tolerance / residual) / ratePerProduct;
        int ahead = Math.Clamp((int)Math.Ceiling(needed - 0.25), 1, 8);
        if (ahead > 1 && products - lastProducts > 1 && cheap)
        {
            return products + 1;
        }

        return products + Math.Min(ahead, products - lastProducts == 1 ? 8 : 4);
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

        return TensorArrays.FromArray(h, n, n);
    }

    private static double[] Symmetrised(Tensor projected) => TensorArrays.ToArray(projected.add(projected.t(), One).mul_(Kept(0.5)));

    // The leading k × k block of the stored K, contiguous.
    private static double[] Leading(double[] stored, int stride, int k)
    {
        var result = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            Array.Copy(stored, i * stride, result, i * k, k);
        }

        return result;
    }

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
        var s = TensorArrays.FromArray(small, order, count);
        var vectors = TensorArrays.ToArray(q.mm(s));
        SymmetricEigen.FixSigns(vectors, n, count);
        double[]? top = null;
        if (ritz.TopVector is not null)
        {
            top = TensorArrays.ToArray(q.mm(TensorArrays.FromArray(ritz.TopVector, order, 1)));
            SymmetricEigen.FixSigns(top, n, 1);
        }

        return new StrainSpectrum(ritz.TopValue, top, values, vectors, 0, products);
    }

    // Residual of a Ritz pair z = Q·s of A = ρuuᵀ + σM (u in span(Q)): (I − QQᵀ)·A·z = σ(I − QQᵀ)·M·Bⱼ·sⱼ = σW·sⱼ up
    // to rounding, as M·Bᵢ lies in span(Q) for every older block; for the kept pairs only, relative to their scale.
    private static double RitzResidual(Tensor outside, int block, RitzPairs ritz, double[] values, double[] small, int order)
    {
        int count = values.Length + (ritz.TopVector is null ? 0 : 1);
        var s = new double[block * count];
        var scales = new double[count];
        double scale = ScaleOf(values);
        int offset = order - block;
        for (int c = 0; c < values.Length; c++)
        {
            scales[c] = scale;
            for (int i = 0; i < block; i++)
            {
                s[(i * count) + c] = small[((offset + i) * values.Length) + c];
            }
        }

        if (ritz.TopVector is not null)
        {
            scales[count - 1] = Math.Abs(ritz.TopValue);
            for (int i = 0; i < block; i++)
            {
                s[(i * count) + count - 1] = ritz.TopVector[offset + i];
            }
        }

        var r = outside.mm(TensorArrays.FromArray(s, block, count));
        var norms = TensorArrays.ToArray(r.mul(r).sum(0L).sqrt());
        double worst = 0;
        for (int c = 0; c < count; c++)
        {
            worst = Math.Max(worst, norms[c] / scales[c]);
        }

        return worst;
    }

    /// <summary>The worst relative residual ‖ρu(uᵀz) + σMz − μz‖ / scale of a spectrum's pairs, computed from the n × n
    /// matrix itself (the partial solver estimates it from its basis instead; tests compare the two).</summary>
    public static double DirectResidual(StrainMatrix matrix, StrainSpectrum spectrum)
    {
        using var scope = NewDisposeScope();
        return DirectResidual(matrix.AsTensor(), matrix, spectrum);
    }

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
            var z = TensorArrays.FromArray(vector, n, 1);
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

    // The columns of w made orthonormal and orthogonal to q: QR, block Gram–Schmidt against q, QR ("twice is
    // enough": the caller has already removed w's components along the newest blocks, the only ones that are not at
    // rounding level; the first QR keeps rank-deficient blocks from losing orthogonality in the second pass). Where
    // that pass shrank a column a lot (the second Cholesky QR declines), what it left along q is not yet at rounding
    // level relative to the column: Gram–Schmidt once more before the Householder QR (Kahan–Parlett).
    private static Tensor Orthonormalise(Tensor w, Tensor q)
    {
        var basis = CholeskyQr(w, secondPass: false) ?? linalg.qr(w).Q;
        if (q.shape[1] == 0)
        {
            return CholeskyQr(basis, secondPass: true) ?? linalg.qr(basis).Q;
        }

        basis -= q.mm(q.t().mm(basis));
        var orthonormal = CholeskyQr(basis, secondPass: true);
        if (orthonormal is not null)
        {
            return orthonormal;
        }

        basis -= q.mm(q.t().mm(basis));
        return linalg.qr(basis).Q;
    }

    // Q = W·R⁻¹ with RᵀR = WᵀW (Cholesky QR, columns scaled to unit length first): two small matrix products where a
    // Householder QR of a tall block costs several times more. Its loss of orthogonality grows with cond(W)², so it is
    // used only where that is small enough: for a first pass where no column is nearly dependent on the others (the
    // second pass repairs the rest), for a second pass where WᵀW is close to I. Null otherwise (the caller falls back to
    // Householder QR, e.g. for the rounding-noise columns of a rank-deficient block).
    private static Tensor? CholeskyQr(Tensor w, bool secondPass)
    {
        int b = (int)w.shape[1];
        var g = TensorArrays.ToArray(w.t().mm(w));
        if (secondPass)
        {
            double deviation = 0;
            for (int i = 0; i < b; i++)
            {
                for (int j = 0; j < b; j++)
                {
                    double e = g[(i * b) + j] - (i == j ? 1 : 0);
                    deviation += e * e;
                }
            }

            if (!(deviation <= 0.25))
            {
                return null;
            }
        }

        var scale = new double[b];
        for (int i = 0; i < b; i++)
        {
            double diagonal = g[(i * b) + i];
            if (!(diagonal > 0) || double.IsInfinity(diagonal))
            {
                return null;
            }

            scale[i] = 1 / Math.Sqrt(diagonal);
        }

        // Cholesky of the scaled Gram matrix S·G·S = L·Lᵀ in place (lower triangle). A pivot below 1e-8 means a column
        // whose part independent of the earlier ones is below 1e-4 of its length: too close to dependent.
        var l = new double[b * b];
        for (int j = 0; j < b; j++)
        {
            double pivot = g[(j * b) + j] * scale[j] * scale[j];
            for (int m = 0; m < j; m++)
            {
                pivot -= l[(j * b) + m] * l[(j * b) + m];
            }

            if (!(pivot >= 1e-8))
            {
                return null;
            }

            double root = Math.Sqrt(pivot);
            l[(j * b) + j] = root;
            for (int i = j + 1; i < b; i++)
            {
                double sum = g[(i * b) + j] * scale[i] * scale[j];
                for (int m = 0; m < j; m++)
                {
                    sum -= l[(i * b) + m] * l[(j * b) + m];
                }

                l[(i * b) + j] = sum / root;
            }
        }

        // Q = W·S·L⁻ᵀ; L⁻¹ by forward substitution, column by column.
        var inverse = new double[b * b];
        for (int c = 0; c < b; c++)
        {
            for (int i = c; i < b; i++)
            {
                double sum = i == c ? 1 : 0;
                for (int m = c; m < i; m++)
                {
                    sum -= l[(i * b) + m] * inverse[(m * b) + c];
                }

                inverse[(i * b) + c] = sum / l[(i * b) + i];
            }
        }

        var transform = new double[b * b];
        for (int i = 0; i < b; i++)
        {
            for (int j = i; j < b; j++)
            {
                transform[(i * b) + j] = scale[i] * inverse[(j * b) + i];
            }
        }

        return w.mm(TensorArrays.FromArray(transform, b, b));
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

        return TensorArrays.FromArray(data, n, columns);
    }
}
