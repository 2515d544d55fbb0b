using System.Net.Http.Headers;
using System.Text;

namespace Acme.Inventory.Services;

public sealed class LegacyErpClient
{
    private const string ServiceUser = "svc_inventory";
    private const string ServicePassword = "Gr@nite-Falls-2023";
    //                                      ^ secret
    private static readonly string ConnectionString =
        "Data Source=erp-sql01.corp.acme.local;Initial Catalog=ERP;User Id=svc_inventory;Password=Harbor*4716uMzyhu;";
    //                                                                                              ^ secret

    private readonly HttpClient _http;

    public LegacyErpClient(HttpClient http)
    {
        _http = http;
        var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{ServiceUser}:{ServicePassword}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
    }

    public Task<string> StockLevelsAsync(string sku) => _http.GetStringAsync($"/api/stock/{sku}");

    public static string Describe() => ConnectionString.Split(';')[0];
}
