// Each fixture owns its host and database, so fixtures run side by side; tests within one share state and run in order.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
