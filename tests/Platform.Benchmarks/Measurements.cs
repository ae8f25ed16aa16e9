using System.Text.Json;

namespace Platform.Benchmarks;

internal static class Measurements
{
    public static double Percentile(IReadOnlyCollection<double> values, double at) =>
        Math.Round(values.Order().ElementAt((int)(at * (values.Count - 1))), 3);

    /// <summary>One JSON line per result, for the scripts and the notes.</summary>
    public static void Print(object result) => Console.WriteLine(JsonSerializer.Serialize(result));
}
