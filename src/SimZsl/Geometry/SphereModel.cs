using System.Numerics.Tensors;

namespace SimZsl.Geometry;

/// <summary>Conversions between ambient coordinates of the sphere of radius r = 1/√κ in ℝ^(d+1) and the
/// stereographic coordinates of <see cref="KappaSpace"/> (κ &gt; 0). The projection is from the pole (−r, 0, …, 0):
/// the ambient point (y₀, ȳ) maps to p = ȳ/(1 + √κ·y₀), so (r, 0, …, 0) is the stereographic origin and the pole
/// itself goes to infinity.</summary>
public static class SphereModel
{
    /// <summary>The stereographic point of an ambient point (d + 1 coordinates in, d out).</summary>
    /// <remarks>The point is first scaled onto the sphere (rounding in the input does not matter). Near the pole
    /// 1 + √κ·y₀ cancels, so there it is computed as ‖ē‖²/(1 − ē₀) for the unit vector ē = y/‖y‖.</remarks>
    /// <exception cref="ArgumentException">The point is zero or is the pole itself (its stereographic image is at
    /// infinity): rotate the configuration so no point sits at (−r, 0, …, 0).</exception>
    public static void ToStereographic(ReadOnlySpan<double> ambient, Span<double> stereographic, double curvature)
    {
        CheckCurvature(curvature);
        CheckLengths(stereographic.Length, ambient.Length);
        double norm = TensorPrimitives.Norm(ambient);
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            throw new ArgumentException($"The ambient point has norm {norm}; a point of the sphere needs a finite non-zero vector.", nameof(ambient));
        }

        double first = ambient[0] / norm;               // ē₀ ∈ [−1, 1]
        var space = ambient[1..];
        double spaceSquare = TensorPrimitives.Dot(space, space) / (norm * norm);
        double onePlusFirst = first >= 0 ? 1 + first : spaceSquare / (1 - first);
        if (!(onePlusFirst > 0))
        {
            throw new ArgumentException("The point is the projection pole (−r, 0, …, 0), whose stereographic image is at infinity; rotate the configuration so that no point sits there.", nameof(ambient));
        }

        // p = r·ē_space/(1 + ē₀) with r = 1/√κ and ē_space = ȳ/‖y‖.
        TensorPrimitives.Multiply(space, 1 / (Math.Sqrt(curvature) * norm * onePlusFirst), stereographic);
    }

    /// <summary>The ambient point of a stereographic point (d coordinates in, d + 1 out):
    /// y₀ = r(1 − κ‖p‖²)/(1 + κ‖p‖²), ȳ = 2p/(1 + κ‖p‖²).</summary>
    public static void FromStereographic(ReadOnlySpan<double> stereographic, Span<double> ambient, double curvature)
    {
        CheckCurvature(curvature);
        CheckLengths(stereographic.Length, ambient.Length);
        double scaledSquare = curvature * TensorPrimitives.Dot(stereographic, stereographic);
        if (!double.IsFinite(scaledSquare))
        {
            throw new ArgumentException("The stereographic point is not finite.", nameof(stereographic));
        }

        double denominator = 1 + scaledSquare;
        ambient[0] = (1 - scaledSquare) / (denominator * Math.Sqrt(curvature));
        TensorPrimitives.Multiply(stereographic, 2 / denominator, ambient[1..]);
    }

    /// <summary>The nearest point of the sphere of radius <paramref name="radius"/> about the origin: the ambient
    /// point scaled radially onto it (<paramref name="destination"/> may alias <paramref name="ambient"/>). The
    /// origin, which has no nearest point, goes to the stereographic origin (r, 0, …, 0).</summary>
    public static void Project(ReadOnlySpan<double> ambient, Span<double> destination, double radius)
    {
        if (destination.Length != ambient.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} entries; the point has {ambient.Length}.", nameof(destination));
        }

        double norm = TensorPrimitives.Norm(ambient);
        if (norm > 0)
        {
            TensorPrimitives.Multiply(ambient, radius / norm, destination);
        }
        else
        {
            destination.Clear();
            destination[0] = radius;
        }
    }

    /// <summary>Every row converted with <see cref="ToStereographic(ReadOnlySpan{double}, Span{double}, double)"/>.</summary>
    public static RowMatrix ToStereographic(RowMatrix ambient, double curvature)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        if (ambient.Columns < 2)
        {
            throw new ArgumentException($"Ambient sphere points need at least 2 coordinates; got {ambient.Columns}.", nameof(ambient));
        }

        int d = ambient.Columns - 1;
        var data = new double[ambient.Rows * d];
        for (int i = 0; i < ambient.Rows; i++)
        {
            try
            {
                ToStereographic(ambient.Row(i), data.AsSpan(i * d, d), curvature);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Row {i}: {e.Message}", nameof(ambient), e);
            }
        }

        return RowMatrix.Wrap(ambient.Rows, d, data);
    }

    /// <summary>Every row converted with <see cref="FromStereographic(ReadOnlySpan{double}, Span{double}, double)"/>.</summary>
    public static RowMatrix FromStereographic(RowMatrix stereographic, double curvature)
    {
        ArgumentNullException.ThrowIfNull(stereographic);
        int d = stereographic.Columns;
        var data = new double[stereographic.Rows * (d + 1)];
        for (int i = 0; i < stereographic.Rows; i++)
        {
            FromStereographic(stereographic.Row(i), data.AsSpan(i * (d + 1), d + 1), curvature);
        }

        return RowMatrix.Wrap(stereographic.Rows, d + 1, data);
    }

    private static void CheckCurvature(double curvature)
    {
        if (!(curvature > 0) || !double.IsFinite(curvature))
        {
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "The sphere model needs a finite positive curvature.");
        }
    }

    private static void CheckLengths(int stereographic, int ambient)
    {
        if (ambient != stereographic + 1)
        {
            throw new ArgumentException($"A stereographic point with {stereographic} coordinates needs an ambient point with {stereographic + 1}; got {ambient}.");
        }
    }
}
