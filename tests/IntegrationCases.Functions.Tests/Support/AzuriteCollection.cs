using IntegrationCases.Tests.Support;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>One Azurite for every test class that needs storage; each test keeps apart with its own containers and queue.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
