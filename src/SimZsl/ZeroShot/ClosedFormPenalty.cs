using System.Globalization;

namespace SimZsl.ZeroShot;

/// <summary>The one check of the closed-form peers' penalties (ridge λ, ESZSL γ and λ, SAE λ).</summary>
internal static class ClosedFormPenalty
{
    public static void Check(double value, string parameter, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {name} must be a finite number > 0 (got {value})."), parameter);
        }
    }
}
