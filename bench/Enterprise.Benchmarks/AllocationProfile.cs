using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Enterprise.Benchmarks;

/// <summary>
/// Which types the uncached read allocates, by sampling: the runtime raises a <c>GCAllocationTick</c> event about every
/// 100 KB allocated, naming the type of the object that crossed the line, so over many reads each type's share of the
/// events is its share of the bytes. Shows where to look when the budget is exceeded; BenchmarkDotNet gives the total.
/// </summary>
internal static class AllocationProfile
{
    public const string Switch = "--by-type";
    private static readonly int Reads = int.Parse(Environment.GetEnvironmentVariable("ENTERPRISE_BENCH_READS") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
    private const int TypesShown = 40;

    public static async Task RunAsync()
    {
        var benchmarks = new GetProductBenchmarks { Cached = false };
        benchmarks.Setup();
        try
        {
            // Tiering and the pools settle first, so the samples show the steady state, not the first calls.
            for (var i = 0; i < 5_000; i++)
            {
                await benchmarks.GetProduct();
            }

            using var listener = new AllocationTickListener();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var allBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Reads; i++)
            {
                await benchmarks.GetProduct();
            }

            var perRead = (GC.GetTotalAllocatedBytes(precise: true) - allBefore) / (double)Reads;
            Console.WriteLine($"{perRead:N0} bytes per read (all threads), {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)Reads:N0} on the reading thread, {listener.Samples:N0} samples");
            foreach (var (type, samples) in listener.ByType.OrderByDescending(pair => pair.Value).Take(TypesShown))
            {
                Console.WriteLine($"{samples * perRead / listener.Samples,8:N0} B  {100.0 * samples / listener.Samples,5:N1}%  {type}");
            }
        }
        finally
        {
            benchmarks.Dispose();
        }
    }

    private sealed class AllocationTickListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private int _samples;

        public ConcurrentDictionary<string, int> ByType { get; } = new(StringComparer.Ordinal);

        public int Samples => Volatile.Read(ref _samples);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "GCAllocationTick_V4" || eventData.Payload is null || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            ByType.AddOrUpdate(type, 1, (_, count) => count + 1);
            Interlocked.Increment(ref _samples);
        }
    }
}
