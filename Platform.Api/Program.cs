using Platform.Api.Access;
using Platform.Api.Analytics;
using Platform.Api.Audit;
using Platform.Api.Auth;
using Platform.Api.Budgets;
using Platform.Api.Guilds;
using Platform.Api.Me;
using Platform.Api.Modules;
using Platform.Api.Status;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformDatabase();
builder.AddRedisClient("redis");
builder.AddApiDefaults();
builder.AddApiRateLimits();
builder.AddDashboardAuth();
builder.AddGuildAccess();
builder.AddGuildAdministration();
builder.AddAnalytics();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapPlatformStatusApi();
app.MapPlatformAdminApi();
app.MapAuthApi();
app.MapMeApi();
app.MapGuildsApi()
    .MapModulesApi()
    .MapBudgetsApi()
    .MapAccessGrantsApi()
    .MapAnalyticsApi()
    .MapAuditLogApi();

await app.RunAsync();
return 0;
