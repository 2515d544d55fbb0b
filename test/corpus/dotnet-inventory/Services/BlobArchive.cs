using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Acme.Inventory.Services;

public sealed class BlobArchive
{
    // Read-only SAS for the supplier feed container, valid until the end of the contract.
    private const string SupplierFeedUrl =
        "https://acmesupplierfeeds.blob.core.windows.net/feeds?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=NhsjPnrbOEnPWAhAkcKsZH8oF32HsnPYFvYo2KPhgnk%3D";
    //                                                                                                                                                         ^ secret

    private readonly BlobServiceClient _client;

    public BlobArchive(IConfiguration configuration)
    {
        _client = new BlobServiceClient(configuration.GetConnectionString("Blob"));
    }

    public async Task<Uri> ArchiveAsync(string name, Stream content, CancellationToken ct)
    {
        var container = _client.GetBlobContainerClient("archive");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(content, overwrite: true, ct);
        return blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));
    }

    public BlobContainerClient SupplierFeeds() => new(new Uri(SupplierFeedUrl));
}
