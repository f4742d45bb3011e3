using SimZsl.Numerics;

namespace SimZsl.Embedding;

/// <summary>Finds the eigenpairs the strain step keeps: κ = 0 the top d of B; κ &gt; 0 the top d + 1 of A;
/// κ &lt; 0 the top one and the d most negative of A (both ends of the spectrum). Either by a full
/// decomposition (<see cref="SymmetricEigen"/>) or by a block Krylov method (full reorthogonalisation,
/// Rayleigh–Ritz, residual check) that touches the n × n matrix only through matrix–block products, in
/// managed code; the projected problems go through <see cref="SymmetricEigen"/> too (managed up to order 200).</summary>
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

    /// <summary>Full decomposition in the basis [u, u⊥] given by the Householder reflection H that maps e₁ to u; its
    /// <see cref="StrainSpectrum.Residual"/> is NaN (not measured, see <see cref="DirectResidual"/>).</summary>
    public static StrainSpectrum Full(StrainMatrix matrix, int dimension, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        var projected = (double[])matrix.Values.Clone();
        double[]? reflector = null;
        if (matrix.OnesWeight != 0)
        {
            reflector = HouseholderOnes(n);
            ReflectBothSides(projected, n, reflector);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Symmetrise(projected, n);
        var ritz = StructuredRitz.Solve(projected, n, matrix.OnesWeight, matrix.Sign);
        var (values, small) = Select(ritz, n, dimension, matrix.Curvature);
        var vectors = Reflect(small, n, values.Length, reflector);
        var top = ritz.TopVector is null ? null : Reflect(ritz.TopVector, n, 1, reflector);
        // No residual: it would cost another pass over the n × n matrix on every solve (about 50 in a curvature search);
        // a full decomposition's pairs are exact to rounding, and DirectResidual measures them when asked
        // (KappaMdsOptions.MeasureResidual).
        return Signed(ritz.TopValue, top, values, vectors, n, double.NaN, 0);
    }

    /// <summary>The partial solver: block Krylov with blocks of <see cref="NarrowBlock"/> columns, and where that answer
    /// cannot be trusted, with blocks wider than the pairs wanted; null when neither converged within its basis budget.</summary>
    /// <remarks>Why narrow blocks first: a Krylov basis of one polynomial degree per product needs far fewer columns
    /// than a wide block's (noisy data, d = 16: 64–100 columns in blocks of 4 against 160–272 in blocks of 16), and
    /// a 4-column product reads each entry of the lower triangle once (<see cref="BlockProduct.MultiplySymmetric"/>), so
    /// it costs what reading half the matrix costs. Why not trusted always: a block of b columns finds at most b
    /// copies of a repeated eigenvalue (exact data with symmetries: trees, grids), and a basis that becomes invariant
    /// before it holds the pairs wanted (exact low-rank data) holds too few. Either shows in the answer, as b kept
    /// values that agree to 1e-8 of the spectrum's scale or fewer values than asked for; then the wide block, which
    /// the solver used alone before, decides.</remarks>
    public static StrainSpectrum? Partial(StrainMatrix matrix, int dimension, int seed, CancellationToken cancellationToken)
    {
        var narrow = BlockKrylov(matrix, dimension, seed, NarrowBlock, cancellationToken);
        if (narrow is not null && narrow.Values.Length == Math.Min(dimension, matrix.Count) && !HasCluster(narrow.Values, NarrowBlock))
        {
            return narrow;
        }

        return BlockKrylov(matrix, dimension, seed, WideBlock(dimension, matrix.OnesWeight > 0), cancellationToken);
    }

    /// <summary>Columns per block of the first attempt.</summary>
    internal const int NarrowBlock = 4;

    // Basis budget of the first attempt: two and a half times the most it needed on noisy data (100 columns, κ = −1,
    // n = 500, d = 16); a problem that needs more goes on to the wide block. Its n × budget buffer is allocated and
    // cleared on every solve, a cost of its own at small n.
    private const int NarrowBudget = 240;

    // Block width of the second attempt: the pairs wanted plus a quarter (at least 4) for oversampling, rounded to the
    // nearest multiple of 16 (at least 16): the width of BlockProduct's register tile, where it runs several times
    // faster per column than at other widths (BlockProductBenchmarks, n = 2000: 16 columns 3.3 ms, 24 5.8 ms). So 16
    // for d = 16 although κ ≠ 0 wants 17 pairs: a block finds as many copies of an eigenvalue as it has columns, and
    // with 16 the solver found every multiplicity the test data have.
    private static int WideBlock(int dimension, bool ones)
    {
        int needed = dimension + (ones ? 1 : 0);
        return 16 * Math.Max(1, (int)Math.Floor(((needed + Math.Max(4, needed / 4)) / 16.0) + 0.5));
    }

    // True when some `width` consecutive values (sorted) agree to 1e-8 of the largest magnitude: possibly an eigenvalue
    // of multiplicity above the block width, of which the block found only `width` copies.
    private static bool HasCluster(double[] values, int width)
    {
        double scale = ScaleOf(values);
        for (int i = 0; i + width <= values.Length; i++)
        {
            if (Math.Abs(values[i + width - 1] - values[i]) <= 1e-8 * scale)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Block Krylov with Rayleigh–Ritz and blocks of <paramref name="blockSize"/> columns; null when it did
    /// not converge within its basis budget.</summary>
    /// <remarks>Every step is one n × n by n × b product M·Bⱼ (<see cref="BlockProduct"/>) and the block Lanczos
    /// recurrence with full reorthogonalisation (<see cref="TallBlocks"/>):
    /// the coupling C = [Bⱼ₋₁, Bⱼ]ᵀM·Bⱼ fills the block-tridiagonal projected matrix K = QᵀMQ; W = M·Bⱼ − [Bⱼ₋₁, Bⱼ]·C
    /// is, up to rounding, what M·Bⱼ has outside span(Q); QR, Gram–Schmidt against all of Q and QR again make the next
    /// block Bⱼ₊₁ from it. At scheduled checks, Rayleigh–Ritz on K; the residual of a Ritz pair z = Q·s is W·sⱼ (sⱼ: the
    /// rows of s that belong to Bⱼ), no pass over n × k. The products dominate at large n; all else is O(n·k·b).</remarks>
    private static StrainSpectrum? BlockKrylov(StrainMatrix matrix, int dimension, int seed, int blockSize, CancellationToken cancellationToken)
    {
        int n = matrix.Count;
        bool ones = matrix.OnesWeight > 0;
        // A multiple of 4 in every case (BlockProduct's requirement); the full solver serves n < 16.
        if (blockSize > n)
        {
            return null;
        }

        // Basis budget, at least 480 columns: κ < 0 on noisy data at n = 500–1200 needed 312–360 columns in blocks of 24
        // and 272 in blocks of 16 at n = 500 (measured); with a budget of 288 those fell back to the full decomposition,
        // 2–8 times slower. Blocks of 4 needed at most 100.
        int maxBasis = Math.Min(n, blockSize == NarrowBlock ? NarrowBudget : Math.Max(20 * blockSize, 480));

        // Q lives in one row-major n × maxBasis buffer that each new block is copied into (its first k columns are the
        // basis), K in a maxBasis × maxBasis one: growing them by concatenation copied O(n·k) and O(k²) per step.
        var basis = new double[n * maxBasis];
        var projected = new double[maxBasis * maxBasis];
        double[] start;
        if (ones)
        {
            // The first column is u = 1/√n exactly (the all-ones part is handled in closed form by StructuredRitz).
            var first = new double[n];
            Array.Fill(first, 1 / Math.Sqrt(n));
            var rest = Orthonormalise(RandomBlock(n, blockSize - 1, seed), blockSize - 1, first, 1, 1, n);
            start = new double[n * blockSize];
            for (int i = 0; i < n; i++)
            {
                start[i * blockSize] = first[i];
                rest.AsSpan(i * (blockSize - 1), blockSize - 1).CopyTo(start.AsSpan((i * blockSize) + 1, blockSize - 1));
            }
        }
        else
        {
            start = Orthonormalise(RandomBlock(n, blockSize, seed), blockSize, basis, maxBasis, 0, n);
        }

        int k = blockSize, block = blockSize, previous = 0;
        Store(basis, maxBasis, 0, start, blockSize, n);
        var image = Apply(matrix, start, blockSize, cancellationToken);
        int products = 1, nextCheck = 2, lastCheck = 0;
        double lastResidual = double.NaN;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Block Lanczos: for an older block Bᵢ, Bᵢᵀ·M·Bⱼ = (M·Bᵢ)ᵀ·Bⱼ, and M·Bᵢ lies in the span of the blocks up
            // to Bᵢ₊₁, to which Bⱼ was orthogonalised; so QᵀM·Bⱼ is zero above Bⱼ₋₁ up to rounding.
            int windowStart = k - block - previous, windowWidth = previous + block;
            var coupling = TallBlocks.Gram(basis, maxBasis, windowStart, windowWidth, image, block, 0, block, n);
            StoreCoupling(projected, maxBasis, coupling, windowStart, k - block, block);
            var outside = (double[])image.Clone();
            TallBlocks.MultiplyAdd(basis, maxBasis, windowStart, windowWidth, coupling, block, outside, n, -1);
            bool complete = k == n;
            bool invariant = !complete && IsInvariant(image, outside, n, block);
            bool exhausted = !complete && !invariant && k + block > maxBasis;
            if (complete || invariant || exhausted || products >= nextCheck)
            {
                // Rayleigh–Ritz costs grow with the basis, so check only when the residual is predicted to have met the
                // tolerance (from its rate of decrease so far), and when the basis is complete, invariant or at its budget.
                var kArray = Leading(projected, maxBasis, k);
                var ritz = StructuredRitz.Solve(kArray, k, matrix.OnesWeight, matrix.Sign);
                var (values, small) = Select(ritz, k, dimension, matrix.Curvature);
                double residual = RitzResidual(outside, block, ritz, values, small, k, n);
                Trace?.Invoke($"products {products}, basis {k}, residual {residual:E2}");
                nextCheck = NextCheck(products, residual, lastCheck, lastResidual, k <= 6 * blockSize, 20.0 * k * k * k > (double)n * n * blockSize);
                (lastCheck, lastResidual) = (products, residual);
                if (residual <= Tolerance || complete || invariant)
                {
                    var vectors = TallBlocks.Multiply(basis, maxBasis, 0, k, small, values.Length, n);
                    var top = ritz.TopVector is null ? null : TallBlocks.Multiply(basis, maxBasis, 0, k, ritz.TopVector, 1, n);
                    return Signed(ritz.TopValue, top, values, vectors, n, residual, products);
                }

                if (exhausted)
                {
                    return null;
                }
            }

            // Grow the basis by the orthogonalised image of the newest block (the block Krylov sequence).
            var next = Orthonormalise(outside, block, basis, maxBasis, k, n);
            previous = block;
            Store(basis, maxBasis, k, next, block, n);
            k += block;
            image = Apply(matrix, next, block, cancellationToken);
            products++;
        }
    }

    // C = [Bⱼ₋₁, Bⱼ]ᵀ·M·Bⱼ into K (order ≤ stride, row-major with that stride): the rows of Bⱼ₋₁ above the diagonal
    // and, transposed, below it; the diagonal block Bⱼᵀ·M·Bⱼ, symmetric only up to the rounding of the product, as the
    // mean of itself and its transpose.
    private static void StoreCoupling(double[] k, int stride, double[] c, int top, int column, int width)
    {
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
    private static bool IsInvariant(double[] image, double[] outside, int n, int width)
    {
        var before = TallBlocks.ColumnNorms(image, n, width);
        var after = TallBlocks.ColumnNorms(outside, n, width);
        for (int c = 0; c < width; c++)
        {
            if (after[c] > before[c] * 1e-10)
            {
                return false;
            }
        }

        return true;
    }

    // M·block (n × width, row-major) by BlockProduct: managed, the same bits on every run; a 4-column block from the
    // lower triangle alone (half the memory traffic of the product that reads all of M).
    private static double[] Apply(StrainMatrix matrix, double[] block, int width, CancellationToken cancellationToken)
    {
        var y = new double[matrix.Count * width];
        if (width == BlockProduct.SymmetricWidth)
        {
            BlockProduct.MultiplySymmetric(matrix.Values, matrix.Count, block, y, cancellationToken);
        }
        else
        {
            BlockProduct.Multiply(matrix.Values, matrix.Count, block, width, y, cancellationToken);
        }

        return y;
    }

    // Products after which to check again: where the residual, falling geometrically at the rate seen between
    // the last two checks, reaches the tolerance (at least one product on; at most four, or eight when that rate was
    // measured over the last product alone). While the basis is small (a Rayleigh–Ritz check then costs far less than
    // a product), a rate measured over more than one product is first measured again over the next one: the early
    // rate includes the start's transient, too slow by half (n = 2000, κ = −1: 7 per product over products 2–4, then
    // a steady 11), and the check it scheduled came too early, an expensive one on a large basis. Where a check costs
    // more than a product (`expensive`: 20k³ > n²b, the managed decomposition of order k against the product; with
    // blocks of 4 at n ≤ 1000 from k ≈ 40 on), one product more than predicted and up to eight ahead: a product too many
    // is cheaper than a check too early (n = 500, κ = −1: checks at 52, 84, 100 columns instead of 52, 68, 84, 96).
    private static int NextCheck(int products, double residual, int lastProducts, double lastResidual, bool cheap, bool expensive)
    {
        if (!(lastResidual > residual) || !(residual > 0) || lastProducts <= 0)
        {
            return products + 2;
        }

        double ratePerProduct = Math.Log(residual / lastResidual) / (products - lastProducts);
        double needed = Math.Log(Tolerance / residual) / ratePerProduct;
        int ahead = Math.Clamp((int)Math.Ceiling(needed - 0.25 + (expensive ? 1 : 0)), 1, 8);
        if (ahead > 1 && products - lastProducts > 1 && cheap)
        {
            return products + 1;
        }

        return products + Math.Min(ahead, products - lastProducts == 1 || expensive ? 8 : 4);
    }

    // w = e₁ − u of the reflection H = I − 2wwᵀ/‖w‖²: symmetric, orthogonal, first column u, the others a basis of u⊥.
    private static double[] HouseholderOnes(int n)
    {
        var w = new double[n];
        Array.Fill(w, -1 / Math.Sqrt(n));
        w[0] += 1;
        return w;
    }

    // H·M·H in place in O(n²): with β = 2/‖w‖², v = M·w and γ = wᵀv,
    // H·M·H = M − β(w vᵀ + v wᵀ) + β²γ w wᵀ.
    private static void ReflectBothSides(double[] m, int n, double[] w)
    {
        double beta = 2 / Dot(w, w);
        var v = new double[n];
        Parallel.For(0, n, i => v[i] = Dot(m.AsSpan(i * n, n), w));
        double gamma = Dot(w, v);
        double corner = beta * beta * gamma;
        Parallel.For(0, n, i =>
        {
            var row = m.AsSpan(i * n, n);
            double wi = w[i], vi = v[i];
            for (int j = 0; j < n; j++)
            {
                row[j] = row[j] - (beta * ((wi * v[j]) + (vi * w[j]))) + (corner * wi * w[j]);
            }
        });
    }

    // H·S for the n × count columns S (row-major); the identity without a reflector.
    private static double[] Reflect(double[] columns, int n, int count, double[]? w)
    {
        var result = (double[])columns.Clone();
        if (w is null)
        {
            return result;
        }

        double beta = 2 / Dot(w, w);
        var projections = new double[count];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < count; c++)
            {
                projections[c] += w[i] * columns[(i * count) + c];
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < count; c++)
            {
                result[(i * count) + c] -= beta * w[i] * projections[c];
            }
        }

        return result;
    }

    // Σ a_k b_k in index order (fixed rounding).
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }

    private static void Symmetrise(double[] a, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5 * (a[(i * n) + j] + a[(j * n) + i]);
                a[(i * n) + j] = mean;
                a[(j * n) + i] = mean;
            }
        }
    }

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

    // The spectrum with deterministic eigenvector signs.
    private static StrainSpectrum Signed(double topValue, double[]? top, double[] values, double[] vectors, int n, double residual, int products)
    {
        SymmetricEigen.FixSigns(vectors, n, values.Length);
        if (top is not null)
        {
            SymmetricEigen.FixSigns(top, n, 1);
        }

        return new StrainSpectrum(topValue, top, values, vectors, residual, products);
    }

    // Residual of a Ritz pair z = Q·s of A = ρuuᵀ + σM (u in span(Q)): (I − QQᵀ)·A·z = σ(I − QQᵀ)·M·Bⱼ·sⱼ = σW·sⱼ up
    // to rounding, as M·Bᵢ lies in span(Q) for every older block; for the kept pairs only, relative to their scale.
    private static double RitzResidual(double[] outside, int block, RitzPairs ritz, double[] values, double[] small, int order, int n)
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

        var norms = TallBlocks.ColumnNorms(TallBlocks.Multiply(outside, block, 0, block, s, count, n), n, count);
        double worst = 0;
        for (int c = 0; c < count; c++)
        {
            worst = Math.Max(worst, norms[c] / scales[c]);
        }

        return worst;
    }

    /// <summary>The worst relative residual ‖ρu(uᵀz) + σMz − μz‖ / scale of a spectrum's pairs, computed from the n × n
    /// matrix itself (the partial solver estimates it from its basis; the full one measures none): one more pass over
    /// the matrix, done when <see cref="KappaMdsOptions.MeasureResidual"/> asks.</summary>
    public static double DirectResidual(StrainMatrix matrix, StrainSpectrum spectrum)
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
        foreach (var (value, z, s) in all)
        {
            double ones = matrix.OnesWeight * z.Sum() / n;
            var r = new double[n];
            Parallel.For(0, n, i => r[i] = (matrix.Sign * Dot(matrix.Values.AsSpan(i * n, n), z)) - (value * z[i]) + ones);
            worst = Math.Max(worst, Math.Sqrt(Dot(r, r)) / s);
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

    // The columns of w (n × width) made orthonormal and orthogonal to the first qWidth columns of q: QR, block
    // Gram–Schmidt against q, QR ("twice is enough": the caller has already removed w's components along the newest
    // blocks, the only ones that are not at rounding level; the first QR keeps rank-deficient blocks from losing
    // orthogonality in the second pass). Where that pass shrank a column a lot (the second Cholesky QR declines), what
    // it left along q is not yet at rounding level relative to the column: Gram–Schmidt once more before the
    // Householder QR (Kahan–Parlett).
    private static double[] Orthonormalise(double[] w, int width, double[] q, int qStride, int qWidth, int n)
    {
        var basis = CholeskyQr(w, width, n, secondPass: false) ?? HouseholderQ(w, width, n);
        if (qWidth == 0)
        {
            return CholeskyQr(basis, width, n, secondPass: true) ?? HouseholderQ(basis, width, n);
        }

        ProjectOut(basis, width, q, qStride, qWidth, n);
        var orthonormal = CholeskyQr(basis, width, n, secondPass: true);
        if (orthonormal is not null)
        {
            return orthonormal;
        }

        ProjectOut(basis, width, q, qStride, qWidth, n);
        return HouseholderQ(basis, width, n);
    }

    // w −= Q·(Qᵀ·w).
    private static void ProjectOut(double[] w, int width, double[] q, int qStride, int qWidth, int n)
    {
        var coefficients = TallBlocks.Gram(q, qStride, 0, qWidth, w, width, 0, width, n);
        TallBlocks.MultiplyAdd(q, qStride, 0, qWidth, coefficients, width, w, n, -1);
    }

    // The thin Q of a Householder QR (MathNet, managed): the fallback for blocks Cholesky QR declines.
    private static double[] HouseholderQ(double[] w, int width, int n)
    {
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, width, (i, j) => w[(i * width) + j]);
        var q = matrix.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
        var result = new double[n * width];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < width; j++)
            {
                result[(i * width) + j] = q[i, j];
            }
        }

        return result;
    }

    // Q = W·R⁻¹ with RᵀR = WᵀW (Cholesky QR, columns scaled to unit length first): two small matrix products where a
    // Householder QR of a tall block costs several times more. Its loss of orthogonality grows with cond(W)², so it is
    // used only where that is small enough: for a first pass where no column is nearly dependent on the others (the
    // second pass repairs the rest), for a second pass where WᵀW is close to I. Null otherwise (the caller falls back to
    // Householder QR, e.g. for the rounding-noise columns of a rank-deficient block).
    private static double[]? CholeskyQr(double[] w, int b, int n, bool secondPass)
    {
        var g = TallBlocks.Gram(w, b, 0, b, w, b, 0, b, n);
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

        return TallBlocks.Multiply(w, b, 0, b, transform, b, n);
    }

    private static double[] RandomBlock(int n, int columns, int seed)
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

        return data;
    }

    // Copies a row-major n × width block into columns [column, column + width) of the basis.
    private static void Store(double[] basis, int stride, int column, double[] block, int width, int n)
    {
        for (int i = 0; i < n; i++)
        {
            block.AsSpan(i * width, width).CopyTo(basis.AsSpan((i * stride) + column, width));
        }
    }
}
