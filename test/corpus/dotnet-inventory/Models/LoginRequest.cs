using System.ComponentModel.DataAnnotations;

namespace Acme.Inventory.Models;

public sealed class LoginRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [Required, DataType(DataType.Password), MinLength(12)]
    public string Password { get; set; } = string.Empty;

    public string? TotpCode { get; set; }
}

public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";
    public const string HeaderName = "X-Api-Key";
    public string PrimaryKey { get; set; } = "";
    public string SecondaryKey { get; set; } = "";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

public static class SecretNames
{
    public const string DbPassword = "inventory-db-password";
    public const string StorageKey = "inventory-storage-key";
    public const string ClientSecret = "inventory-client-secret";
}
