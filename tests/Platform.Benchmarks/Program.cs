using Platform.Benchmarks;

// Each benchmark prints one JSON line; the scripts beside this file run a peer in the same
// go against the same emulator and print the ratio.
return args switch
{
    ["gateway-ingest", var client, var emulator, var token, var events, var rate, var compress, var emulatorPid] =>
        await Ingest(client, new IngestRun(
            new Uri(emulator),
            token,
            int.Parse(events),
            rate == "max" ? null : double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
            compress == "zlib-stream",
            int.Parse(emulatorPid))),
    ["shard-start", var emulator, var token, var interval] => await ShardStart.RunAsync(new Uri(emulator), token, Seconds(interval)),
    ["fleet-start", var emulator, var emulatorPid, var token, var database, var redis, var guilds, var processes, var interval] =>
        await FleetStart.RunAsync(Fleet(emulator, emulatorPid, token, database, redis, guilds, processes, interval)),
    ["fleet-heal", var emulator, var emulatorPid, var token, var database, var redis, var guilds, var processes, var interval,
        var infrastructureCommands, var peakRate, var sustainedRate, var healRate] =>
        await FleetHeal.RunAsync(
            Fleet(emulator, emulatorPid, token, database, redis, guilds, processes, interval),
            infrastructureCommands, int.Parse(peakRate), int.Parse(sustainedRate), int.Parse(healRate)),
    ["infrastructure", var connectionsFile] => await InfrastructureProcess.ServeAsync(connectionsFile),
    ["interaction-roundtrip", var emulator, var token, var database, var redis, var seconds, .. var rates]
        when rates.Length > 0 => await InteractionRoundTrip.RunAsync(
        new Uri(emulator),
        token,
        database,
        redis,
        Seconds(seconds),
        [.. rates.Select(int.Parse)]),
    ["llm-usage", var ingestRows, var summaryRows] => await LlmUsageStorage.RunAsync(
        int.Parse(ingestRows),
        int.Parse(summaryRows)),
    ["analytics", var seconds, var clients, var usageRows] => await AnalyticsEndpoint.RunAsync(
        Seconds(seconds),
        int.Parse(clients),
        int.Parse(usageRows)),
    ["micro", .. var options] => Micro(options),
    _ => Usage(),
};

static Task<int> Ingest(string client, IngestRun run) =>
    client == "sink" ? GatewaySink.RunAsync(run) : GatewayIngest.RunAsync(run);

// BenchmarkDotNet's own switches follow, e.g. `micro --filter *GatewayFrames*`.
static int Micro(string[] options)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(GatewayFrames).Assembly).Run(options);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: gateway-ingest ours|sink <emulator-url> <token> <events> <rate|max> zlib-stream|plain <emulator-pid>" +
        " | shard-start <emulator-url> <token> <identify-interval-seconds>" +
        " | fleet-start <emulator-url> <emulator-pid> <token> <database> <redis> <guilds> <processes> <identify-interval-seconds>" +
        " | fleet-heal <same as fleet-start> <infrastructure-commands> <peak-rate> <sustained-rate> <heal-rate>" +
        " | interaction-roundtrip <emulator-url> <token> <database> <redis> <seconds-per-rate> <rate> [rate ...]" +
        " | infrastructure <connections-file> | llm-usage <ingest-rows> <summary-rows> | analytics <seconds-per-round> <clients> <usage-rows>" +
        " | micro [BenchmarkDotNet options]");
    return 2;
}

static FleetRun Fleet(
    string emulator, string emulatorPid, string token, string database, string redis, string guilds, string processes, string interval) =>
    new(new Uri(emulator), int.Parse(emulatorPid), token, database, redis, int.Parse(guilds), int.Parse(processes), Seconds(interval),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = database,
            ["ConnectionStrings:redis"] = redis,
            ["Discord:Token"] = token,
            ["Discord:RestBaseAddress"] = new Uri(new Uri(emulator), "/api/v10/").ToString(),
            ["Bot:IdentifyInterval"] = Seconds(interval).ToString(),
            // Never called: no interaction reaches the LLM here.
            ["Llm:Endpoint"] = "http://127.0.0.1:9/",
            ["Llm:ApiKey"] = "unused",
            ["Logging:LogLevel:Default"] = "Warning",
        });

static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
