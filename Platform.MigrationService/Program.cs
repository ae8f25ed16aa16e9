using Platform.MigrationService;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
