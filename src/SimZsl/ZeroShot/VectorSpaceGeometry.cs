using System.Globalization;
using SimZsl.Embedding;

namespace SimZsl.ZeroShot;

/// <summary>The geometry check shared by the heads that treat prototypes as vectors (DeViSE, softmax): Euclidean
/// coordinates and the sphere's ambient coordinates are vectors, whose differences and dot products mean something;
/// Poincaré-ball coordinates are not (the ball is not a vector space), so those heads refuse them.</summary>
internal static class VectorSpaceGeometry
{
    public static void Ensure(string head, ClassPrototypes prototypes)
    {
        if (prototypes.Curvature < 0)
        {
            throw new SimZslException(string.Create(CultureInfo.InvariantCulture,
                $"The {head} head treats prototypes as vectors (differences, dot products), which has no meaning for hyperbolic prototypes (curvature {prototypes.Curvature}). Use the hyperbolic head, or embed with curvature ≥ 0."));
        }
    }
}
