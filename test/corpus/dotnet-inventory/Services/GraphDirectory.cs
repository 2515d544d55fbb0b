using Azure.Identity;
using Microsoft.Graph;

namespace Acme.Inventory.Services;

public sealed class GraphDirectory
{
    private readonly GraphServiceClient _graph;

    public GraphDirectory(IConfiguration config)
    {
        var tenantId = config["AzureAd:TenantId"];
        var clientId = config["AzureAd:ClientId"];
        var clientSecret = config["AzureAd:ClientSecret"];
        var credential = new ClientSecretCredential(tenantId, clientId, clientSecret);
        _graph = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });
    }

    public async Task<string?> ManagerEmailAsync(string userPrincipalName)
    {
        var manager = await _graph.Users[userPrincipalName].Manager.GetAsync();
        return (manager as Microsoft.Graph.Models.User)?.Mail;
    }
}
