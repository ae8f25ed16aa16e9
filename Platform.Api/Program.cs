using Platform.Api.Auth;
using Platform.Api.Guilds;
using Platform.Api.Me;
using Platform.Api.Modules;
using Platform.Api.Status;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");
builder.AddApiDefaults();
builder.AddDashboardAuth();
builder.AddGuildAccess();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlatformStatusApi();
app.MapAuthApi();
app.MapMeApi();
app.MapGuildsApi()
    .MapModulesApi();

app.Run();
