[assembly: Parallelizable(ParallelScope.All)]
