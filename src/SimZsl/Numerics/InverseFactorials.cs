namespace SimZsl.Numerics;

/// <summary>1/m!, the Taylor coefficients of the vectorised sines and exponentials.</summary>
internal static class InverseFactorials
{
    public const double Of3 = 1.0 / 6;
    public const double Of4 = 1.0 / 24;
    public const double Of5 = 1.0 / 120;
    public const double Of6 = 1.0 / 720;
    public const double Of7 = 1.0 / 5040;
    public const double Of8 = 1.0 / 40320;
    public const double Of9 = 1.0 / 362880;
    public const double Of10 = 1.0 / 3628800;
    public const double Of11 = 1.0 / 39916800;
    public const double Of12 = 1.0 / 479001600;
    public const double Of13 = 1.0 / 6227020800;
    public const double Of14 = 1.0 / 87178291200;
    public const double Of15 = 1.0 / 1307674368000;
    public const double Of16 = 1.0 / 20922789888000;
    public const double Of17 = 1.0 / 355687428096000;
    public const double Of18 = 1.0 / 6402373705728000;
    public const double Of19 = 1.0 / 121645100408832000;
}
