using System.CommandLine;
using SimZsl.Cli.Inputs;
using SimZsl.IO;
using SimZsl.ZeroShot;

namespace SimZsl.Cli.Commands;

/// <summary>What <c>predict</c> and <c>evaluate</c> share: a saved model, features checked against it, the γ of
/// calibrated stacking, and the model's unseen classes (those with a prototype but no training images).</summary>
internal static class ModelInputs
{
    public static Option<string> Model() => CliOptions.RequiredPath("--model", "Model written by 'simzsl zsl --save'.").WithHelpName("MODEL.szm");

    public static Option<string> Features() => CliOptions.RequiredPath("--features", "Features .npy, N × F, from the same extractor as for training.").WithHelpName("F.npy");

    public static Option<double> Gamma()
    {
        var gamma = new Option<double>("--gamma")
        {
            Description = "Calibrated stacking for GZSL: subtract γ from the seen classes' scores (the zsl report's gzsl_calibrated.gamma).",
            DefaultValueFactory = _ => 0,
            HelpName = "G",
        };
        gamma.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!double.IsFinite(v))
            {
                r.AddError(System.FormattableString.Invariant($"--gamma must be a finite number (got {v})."));
            }
        });
        return gamma;
    }

    public static (ZeroShotModel Model, RowMatrix Features) Load(string modelPath, string featuresPath, ComputeDevice device)
    {
        ComputeDevices.EnsureAvailable(device);
        var features = NpyFile.Read(featuresPath).ToMatrix();
        var model = ZeroShotModel.Load(modelPath, device);
        try
        {
            ZslInputs.CheckFeatures(featuresPath, features, model.FeatureCount);
            return (model, features);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public static string[] UnseenClasses(ZeroShotModel model) =>
        model.Prototypes.ClassNames.Except(model.SeenClasses, StringComparer.Ordinal).ToArray();

    private static Option<string> WithHelpName(this Option<string> option, string name)
    {
        option.HelpName = name;
        return option;
    }
}
