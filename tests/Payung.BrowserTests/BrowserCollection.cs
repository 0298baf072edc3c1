namespace Payung.BrowserTests;

/// <summary>All browser tests share one running application and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PayungAppFixture>
{
    public const string Name = "browser";
}
