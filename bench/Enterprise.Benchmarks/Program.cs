using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In process: BenchmarkDotNet's default toolchain rebuilds the whole solution into a new project first, which takes
// minutes on two cores. A short run (about a minute) unless `--full` asks for BenchmarkDotNet's default job.
if (args.Contains(Enterprise.Benchmarks.AllocationProfile.Switch, StringComparer.Ordinal))
{
    await Enterprise.Benchmarks.AllocationProfile.RunAsync();
    return;
}

const string FullRun = "--full";
var job = (args.Contains(FullRun, StringComparer.Ordinal) ? Job.Default : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run([.. args.Where(argument => argument != FullRun)], DefaultConfig.Instance.AddJob(job));
