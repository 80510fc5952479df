namespace Xai.Sdk.IntegrationTests;

/// <summary>Disposes several projects at the end of a test that made a list of them.</summary>
internal sealed class DisposeAll(IEnumerable<IDisposable> items) : IDisposable
{
    public void Dispose()
    {
        foreach (var item in items)
        {
            item.Dispose();
        }
    }
}
