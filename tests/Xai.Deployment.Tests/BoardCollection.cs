namespace Xai.Deployment.Tests;

/// <summary>
/// The tests that build the tiny network and run sshd share the machine's two cores: run them one
/// class at a time, so the cancellation test's one-second bound measures the code, not a g++ run beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BoardCollection
{
    public const string Name = "Board";
}
