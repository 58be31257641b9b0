// A small fixture with dependencies that run the wrong way, so the tests can show that the checker finds them:
// Bottom uses Top once only in a method body and once only in a signature.
namespace IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture.Top
{
    internal sealed class High
    {
        public int Value { get; } = 1;
    }
}

namespace IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture.Middle
{
    internal static class OnlyInABody
    {
        public static int Read() => new Top.High().Value;
    }
}

namespace IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture.Bottom
{
    internal sealed record OnlyInASignature(Top.High Reference);
}
