using SimZsl.Samples.ZeroShotExperiments;

// Reproduces the zero-shot tables of docs/results.md:
//   dotnet run -c Release --project samples/ZeroShotExperiments -- sweep [--data fashion|apascal] [--k 2,3,4,5] [--splits 30] [--seeds 3] [--workers 2] [--quick]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- ablation [--k 4] [--splits 12] [--seed 0]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- ceiling [--data fashion|apascal] [--k 2,3,4,5] [--splits 30]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- make-fashion-subset [--train N] [--test N]
//   dotnet run -c Release --project samples/ZeroShotExperiments -- synthetic-res101 --data samples/data/xlsa17/AWA2 --output DIR [--features 256] [--seed 0] [--noise 1] [--class-noise 0.8]
var arguments = new Arguments(args);
return arguments.Command switch
{
    "sweep" => Sweep.Run(arguments),
    "ablation" => Ablation.Run(arguments),
    "ceiling" => Ceiling.Run(arguments),
    "make-fashion-subset" => FashionSubset.Make(arguments),
    "synthetic-res101" => SyntheticRes101Command.Run(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ZeroShotExperiments sweep|ablation|ceiling|make-fashion-subset|synthetic-res101 [--option value ...]");
    return 2;
}
