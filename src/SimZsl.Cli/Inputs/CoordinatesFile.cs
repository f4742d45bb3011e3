using System.Globalization;
using SimZsl.Embedding;
using SimZsl.Geometry;
using SimZsl.IO;

namespace SimZsl.Cli.Inputs;

/// <summary>The <c>--coords</c> file of <c>simzsl plot</c> (a COORDS.csv of <c>simzsl embed</c>), checked against the
/// curvature it is to be drawn with: a point off the sphere or outside the Poincaré ball means the file was written
/// with another κ, and drawing it anyway shows a picture that is silently wrong. Errors name the file and line.</summary>
internal static class CoordinatesFile
{
    // The plane's autoscaler takes max − min and a tick spacing from it: beyond this both overflow.
    private const double PlaneLimit = 1e100;

    // Written coordinates round-trip exactly; this only absorbs the rounding of the norm itself.
    private const double SphereTolerance = 1e-6;

    public static ClassPrototypes Read(string path, double curvature)
    {
        var table = CsvMatrixFile.ReadTable(path);
        int columns = table.Values.Columns;
        if (curvature > 0 && columns < 2)
        {
            throw new SimZslException($"{path}: the coordinates have 1 column, but points on a sphere (κ > 0) have d + 1 ≥ 2; was the file written with κ ≤ 0? Pass the --curvature it was embedded with.");
        }

        double radius = KappaSpace.RadiusOf(curvature);
        for (int r = 0; r < table.RowNames.Length; r++)
        {
            var row = table.Values.Row(r);
            string where = string.Create(CultureInfo.InvariantCulture, $"{path}:{table.RowLines[r]}: '{table.RowNames[r]}'");
            if (curvature == 0)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    if (Math.Abs(row[c]) > PlaneLimit)
                    {
                        throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{where} has coordinate {c + 1} = {row[c]:G6}; the plane is drawn for coordinates within ±{PlaneLimit:G1}. Rescale the coordinates."));
                    }
                }

                continue;
            }

            double norm = Norm(row);
            if (curvature > 0 && Math.Abs(norm - radius) > SphereTolerance * radius)
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{where} is at {norm:G6} from the centre, not on the sphere of radius {radius:G6} (κ = {curvature:G6}); draw the file with the κ it was embedded with."));
            }

            if (curvature < 0 && !(norm < radius))
            {
                throw new SimZslException(string.Create(CultureInfo.InvariantCulture, $"{where} is at {norm:G6} from the centre, outside the Poincaré ball of radius {radius:G6} (κ = {curvature:G6}); draw the file with the κ it was embedded with."));
            }
        }

        return new ClassPrototypes(table.RowNames, table.Values, curvature);
    }

    // Scaled by the largest entry, so that coordinates near ±1e200 do not overflow the sum of squares.
    private static double Norm(ReadOnlySpan<double> row)
    {
        double scale = 0;
        foreach (double v in row)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        if (scale == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (double v in row)
        {
            sum += (v / scale) * (v / scale);
        }

        return scale * Math.Sqrt(sum);
    }
}
