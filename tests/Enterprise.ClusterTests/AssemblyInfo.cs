// Every fixture shares one cluster, and one of them kills an instance: they run one after the other.
[assembly: Parallelizable(ParallelScope.None)]
