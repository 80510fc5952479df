using Microsoft.Build.Framework;
using Xai.IO;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Takes the project's build lock (<see cref="BuildLock"/>) for the rest of this build: a second
/// build of the same project started meanwhile waits here instead of sharing obj/ with the first.
/// MSBuild disposes the lock when the build ends (a registered task object of build lifetime).
/// </summary>
public sealed class LockXaiBuild : XaiTask
{
    [Required] public string LockFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var engine = (IBuildEngine4)BuildEngine;
        var key = "Xai.Sdk.BuildLock:" + Path.GetFullPath(LockFile);
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not null)
        {
            return;
        }

        var held = BuildLock.Acquire(LockFile, () => Info($"Waiting for another build of this project to finish (lock: {LockFile})"), Cancellation);
        engine.RegisterTaskObject(key, held, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }
}
