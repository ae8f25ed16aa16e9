using Platform.Benchmarks;

// Each benchmark prints one JSON line; the scripts beside this file run a peer in the same
// go against the same emulator and print the ratio.
return args switch
{
    ["gateway-ingest", var emulator, var token, var events] => await GatewayIngest.RunAsync(new Uri(emulator), token, int.Parse(events)),
    ["shard-start", var emulator, var token, var interval] => await ShardStart.RunAsync(new Uri(emulator), token, TimeSpan.FromSeconds(double.Parse(interval, System.Globalization.CultureInfo.InvariantCulture))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: gateway-ingest <emulator-url> <token> <events> | shard-start <emulator-url> <token> <identify-interval-seconds>");
    return 2;
}
