using System.Globalization;
using MathNet.Numerics.Distributions;

namespace SimZsl.Samples.Shared;

/// <summary>The mean of repeated measurements (draws, splits, seeds) with a two-sided Student-t confidence interval,
/// the form every challenge table prints its cells in: "mean [lower, upper]".</summary>
/// <param name="Mean">Arithmetic mean of the finite values.</param>
/// <param name="HalfWidth">Half the interval's width: t(level, n − 1) · sd / √n; NaN with fewer than two values (then
/// <see cref="Lower"/> and <see cref="Upper"/> are NaN too, and every comparison with them is false: no claim can
/// rest on one run).</param>
/// <param name="Count">How many finite values went in.</param>
internal readonly record struct MeanInterval(double Mean, double HalfWidth, int Count)
{
    /// <summary>Lower end of the interval.</summary>
    public double Lower => Mean - HalfWidth;

    /// <summary>Upper end of the interval.</summary>
    public double Upper => Mean + HalfWidth;

    /// <summary>The mean and interval of <paramref name="values"/>, non-finite ones (a failed run) left out.</summary>
    /// <param name="values">The measurements.</param>
    /// <param name="level">Confidence level, 0.95 by default.</param>
    public static MeanInterval Of(IEnumerable<double> values, double level = 0.95)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        int n = finite.Length;
        if (n == 0)
        {
            return new MeanInterval(double.NaN, double.NaN, 0);
        }

        double mean = finite.Average();
        if (n == 1)
        {
            return new MeanInterval(mean, double.NaN, 1);
        }

        double sd = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double t = StudentT.InvCDF(0, 1, n - 1, 0.5 + (level / 2));
        return new MeanInterval(mean, t * sd / Math.Sqrt(n), n);
    }

    /// <summary>"mean [lower, upper]" with every number in <paramref name="format"/>, each multiplied by
    /// <paramref name="scale"/> (100 for percentages); only the mean when there is no interval.</summary>
    public string Format(string format, double scale = 1)
    {
        string Number(double v) => (scale * v).ToString(format, CultureInfo.InvariantCulture);
        return double.IsNaN(HalfWidth) ? Number(Mean) : $"{Number(Mean)} [{Number(Lower)}, {Number(Upper)}]";
    }
}
