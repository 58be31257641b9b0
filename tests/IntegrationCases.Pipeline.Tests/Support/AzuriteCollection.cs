using IntegrationCases.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Support;

/// <summary>One Azurite for every test class of this project that needs blob storage.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
