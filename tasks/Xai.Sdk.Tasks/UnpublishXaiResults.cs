using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// `dotnet clean`: removes the results XaiPublish showed in the output directory (its .xai/ store and
/// the links into it), which IncrementalClean cannot: their version folder changes with every build.
/// </summary>
public sealed class UnpublishXaiResults : XaiTask
{
    [Required] public string OutputDirectory { get; set; } = "";

    protected override void ExecuteCore() => PublishStage.Unpublish(OutputDirectory);
}
