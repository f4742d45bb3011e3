using SimZsl.ZeroShot;
using Spectre.Console;

namespace SimZsl.Samples.QuickStart;

/// <summary>Moves a progress bar one step per training epoch, on the training thread.</summary>
public sealed class EpochProgress(ProgressTask task, string geometry) : IProgress<TrainingProgress>
{
    /// <summary>Shows the epoch and its loss.</summary>
    public void Report(TrainingProgress value)
    {
        task.Value = value.Epoch;
        task.Description = Markup.Escape(Describe(geometry, value.Epoch, (int)task.MaxValue, value));
    }

    /// <summary>"hyperbolic  epoch  3/10  loss 0.412": at most 44 characters, so that with the bar and the clock
    /// the line fits 80 columns. Early stopping on seen validation shows that accuracy instead of the loss.</summary>
    public static string Describe(string geometry, int epoch, int epochs, TrainingProgress? value)
    {
        string measure = value is null ? string.Empty
            : double.IsNaN(value.ValidationAccuracy) ? $"loss {value.Loss:G3}" : $"seen val. {value.ValidationAccuracy:P0}";
        return $"{geometry,-10}  epoch {epoch,2}/{epochs,-2}  {measure}".TrimEnd();
    }
}
