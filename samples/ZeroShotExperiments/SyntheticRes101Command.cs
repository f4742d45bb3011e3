using SimZsl.Samples.Shared;

namespace SimZsl.Samples.ZeroShotExperiments;

/// <summary><c>synthetic-res101 --data samples/data/xlsa17/AWA2 --output DIR [--features 256] [--seed 0] [--noise 1]
/// [--class-noise 0.8]</c>: writes DIR/res101.mat (synthetic features in the real file's format, see
/// <see cref="SyntheticRes101"/>) and a copy of the benchmark's att_splits.mat, so that <c>simzsl gbu --data DIR</c>
/// runs without the real features. The real files have F = 2048; 256 keeps the file small (AWA2: 76 MB) and fast to
/// write, and changes nothing about the difficulty once F is at least the number of attributes.</summary>
internal static class SyntheticRes101Command
{
    public static int Run(Arguments arguments)
    {
        string? data = arguments.Text("data"), output = arguments.Text("output");
        if (data is null || output is null)
        {
            Console.Error.WriteLine("usage: ZeroShotExperiments synthetic-res101 --data samples/data/xlsa17/AWA2 --output DIR [--features 256] [--seed 0] [--noise 1] [--class-noise 0.8]");
            return 2;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = SyntheticRes101.Write(data, output, arguments.Int("features", 256), arguments.Int("seed", 0), arguments.Double("noise", 1.0), arguments.Double("class-noise", 0.8));
        Console.WriteLine($"Wrote {written.Res101Path} (synthetic: {written.Features} features × {written.Instances} instances; {written.SeenClasses} seen classes, "
            + $"{written.ValidationClasses} of them validation, {written.UnseenClasses} unseen) and {written.AttSplitsPath} in {clock.Elapsed.TotalSeconds:F1} s.");
        Console.WriteLine($"Run: simzsl gbu --data {output} --report gbu.json");
        return 0;
    }
}
