using Acme.Inventory.Services;
using Xunit;

namespace Acme.Inventory.Tests;

public class LegacyErpClientTests
{
    private const string FakeConnectionString = "Data Source=localhost;Initial Catalog=ERP_TEST;User Id=test;Password=test;";
    private const string DummyApiKey = "dummy-api-key-for-tests";

    [Fact]
    public void DescribeReturnsDataSource()
    {
        Assert.StartsWith("Data Source=", LegacyErpClient.Describe());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsBlankSku(string sku)
    {
        Assert.True(string.IsNullOrWhiteSpace(sku));
        Assert.NotEmpty(FakeConnectionString + DummyApiKey);
    }
}
