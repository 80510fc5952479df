namespace Xai.Deployment;

/// <summary>A step of a long board operation, for progress bars (Write-Progress).</summary>
/// <param name="Activity">What is being done, e.g. "Install overlay".</param>
/// <param name="Status">The current step, e.g. "copy table3.bit".</param>
/// <param name="PercentComplete">0–100.</param>
public sealed record DeploymentProgress(string Activity, string Status, int PercentComplete);
