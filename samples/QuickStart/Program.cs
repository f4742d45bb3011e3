using SimZsl;
using SimZsl.Samples.QuickStart;
using SimZsl.ZeroShot;
using Spectre.Console;

// The QuickStart: zero-shot classification of real images (Fashion-MNIST) with class prototypes from WordNet
// similarity, embedded by κ-MDS in hyperbolic, Euclidean and spherical space. No arguments and no network needed.
QuickStartOptions? options;
try
{
    options = QuickStartOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n{QuickStartOptions.Usage}");
    return 2;
}

if (options is null)
{
    Console.WriteLine(QuickStartOptions.Usage);
    return 0;
}

try
{
    var console = AnsiConsole.Console;
    string sampleData = RepositoryFolders.SampleData();
    var data = FashionData.Load(sampleData, options.PerClass, options.ShippedSubset);
    console.MarkupLine(Markup.Escape($"Fashion-MNIST from {data.Source}: {data.SeenLabels.Length} training images of the 8 seen classes, {data.Test.Labels.Length} test images of all 10; unseen: {string.Join(", ", FashionData.Unseen)}."));

    var pipeline = new QuickStartPipeline(options);
    var similarity = pipeline.LoadSimilarity(sampleData);
    var results = new List<GeometryResult>();
    console.Progress()
        // One line per geometry that fits 80 columns: what is trained, how far (epochs, not a bare percentage), the loss.
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new ElapsedTimeColumn())
        .Start(context =>
        {
            var tasks = GeometrySetting.Defaults.Select(s => context.AddTask(Markup.Escape(EpochProgress.Describe(s.Name, 0, options.Epochs, null)), autoStart: false, maxValue: options.Epochs)).ToArray();
            for (int g = 0; g < tasks.Length; g++)
            {
                var task = tasks[g];
                task.StartTask();
                results.Add(pipeline.Run(GeometrySetting.Defaults[g], similarity, data, new EpochProgress(task, GeometrySetting.Defaults[g].Name)));
                task.Value = task.MaxValue; // early stopping may end before the last epoch
                task.StopTask();
            }
        });

    ResultsTable.Print(console, results, data);
    console.WriteLine();
    console.MarkupLine("[bold]Pictures:[/]");
    foreach (string path in results.SelectMany(r => Pictures.Write(options.Output, r)))
    {
        console.MarkupLine($"  {Markup.Escape(Path.GetFullPath(path))}");
    }

    console.WriteLine();
    console.MarkupLine("[bold]The C# that did the work[/] (samples/QuickStart/QuickStartPipeline.cs):");
    foreach (string line in pipeline.Code.Lines)
    {
        Console.WriteLine($"  {line}"); // unwrapped, so that it copies as one statement
    }

    return 0;
}
catch (SimZslException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
