using Twilio;
using Twilio.Rest.Api.V2010.Account;

namespace Acme.Inventory.Services;

public static class SmsSender
{
    private static readonly string AccountSid =
        Environment.GetEnvironmentVariable("TWILIO_ACCOUNT_SID") ?? "ACc41fbd48058f5ec78f1fcfab75ebb061";
    private static readonly string AuthToken =
        Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN") ?? "4603b052b0904b6897c7e6cfe0cf2332";
    //                                                                ^ secret

    public static async Task SendLowStockAlertAsync(string sku, int remaining)
    {
        TwilioClient.Init(AccountSid, AuthToken);
        await MessageResource.CreateAsync(
            body: $"Low stock: {sku} ({remaining} left)",
            from: new Twilio.Types.PhoneNumber("+15005550006"),
            to: new Twilio.Types.PhoneNumber(Environment.GetEnvironmentVariable("OPS_PHONE")));
    }
}
