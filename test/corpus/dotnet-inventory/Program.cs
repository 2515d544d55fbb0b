using Acme.Inventory.Services;
using Microsoft.Identity.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMicrosoftIdentityWebApiAuthentication(builder.Configuration, "AzureAd");
builder.Services.AddSingleton<BlobArchive>();
builder.Services.AddSingleton<GraphDirectory>();
builder.Services.AddHttpClient<LegacyErpClient>(c => c.BaseAddress = new Uri(builder.Configuration["Erp:BaseUrl"]!));
builder.Services.AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString("Redis"));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapGet("/stock/{sku}", async (string sku, LegacyErpClient erp) => Results.Text(await erp.StockLevelsAsync(sku)))
   .RequireAuthorization();

var password = builder.Configuration["Admin:Password"];
var apiKey = Environment.GetEnvironmentVariable("INVENTORY_API_KEY") ?? throw new InvalidOperationException("INVENTORY_API_KEY missing");
app.Logger.LogInformation("Admin password configured: {Configured}", !string.IsNullOrEmpty(password));

app.Run();
