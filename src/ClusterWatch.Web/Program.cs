using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Analytics;
using ClusterWatch.Web.Enterprises;
using ClusterWatch.Web.Infrastructure;
using ClusterWatch.Web.Plans;
using ClusterWatch.Web.Regions;
using ClusterWatch.Web.Reporting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IAuditUser, HttpAuditUser>();
builder.Services.AddClusterWatchDatabase(builder.Configuration);
builder.Services.AddScoped<DatabaseInitializer>();
builder.Services.AddProblemDetails();
// A malformed body is the client's error: answer 400 ProblemDetails in every environment, not a developer exception page.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddOpenApi();
builder.Services.AddRazorPages();
builder.Services.AddAntiforgery();
builder.Services.AddClusterWatchLocalization();
builder.Services.AddClusterWatchAccounts(builder.Configuration, builder.Environment);
builder.Services.AddClusterWatchAnalytics(builder.Configuration);
builder.Services.AddHostedService<AnalyticsRefreshWorker>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
});

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    await initializer.InitializeAsync(scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value);
    await ClusterWatch.Core.Accounts.DemoAccounts.EnsureSafeForEnvironmentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Environment.EnvironmentName);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseClusterWatchLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi().AllowPublic();
var api = app.MapGroup("/api").RequireAdminForWritesByDefault();
api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").AllowPublic();
api.MapAccounts();
api.MapRegions();
api.MapPlans();
api.MapEnterprises();
api.MapAnalytics();
api.MapAnalyticsStatus();
api.MapCredit();
api.MapChains();
api.MapReporting();
api.MapWarnings();
api.MapAssessment();
app.MapRazorPages();

app.Run();

public partial class Program;
