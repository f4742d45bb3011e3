using SimZsl.Samples.ZeroShotExperiments;

// Reproduces the zero-shot tables of docs/results.md:
//   dotnet run -c Release --project samples/ZeroShotExperiments -- fashion [--per-class N] [--epochs E] [--threads T] [--seed S]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- apascal [--seed S]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- make-fashion-subset [--train N] [--test N]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- sweep [--k 2,3,4,5] [--splits 30] [--seeds 3] [--workers 2] [--quick]
var arguments = new Arguments(args);
return arguments.Command switch
{
    "fashion" => FashionExperiment.Run(arguments),
    "apascal" => APascalExperiment.Run(arguments),
    "make-fashion-subset" => FashionSubset.Make(arguments),
    "sweep" => Sweep.Run(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ZeroShotExperiments fashion|apascal|sweep|make-fashion-subset [--option value ...]");
    return 2;
}
