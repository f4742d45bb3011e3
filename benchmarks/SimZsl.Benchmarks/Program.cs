using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/SimZsl.Benchmarks -- --filter '*Strain*'` runs one group.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
