namespace Xai.Amd.Reports;

/// <summary>Where one number of a <see cref="HardwareReport"/> came from.</summary>
/// <param name="File">The report file.</param>
/// <param name="Field">The element, row or line in that file, e.g. <c>/profile/AreaEstimates/Resources/LUT</c>.</param>
public sealed record ValueSource(string File, string Field);
