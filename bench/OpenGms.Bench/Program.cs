using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OpenGms.Bench.VcfRecordBenchmarks).Assembly).Run(args);
