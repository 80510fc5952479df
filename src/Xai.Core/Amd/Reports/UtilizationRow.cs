namespace Xai.Amd.Reports;

/// <summary>One row of a report_utilization site table.</summary>
/// <param name="Section">Section title, e.g. <c>Slice Logic</c>, <c>CLB Logic</c>, <c>Memory</c>, <c>BLOCKRAM</c>.</param>
/// <param name="SiteType">Row name as printed without indentation, e.g. <c>Slice LUTs*</c>, <c>Block RAM Tile</c>.</param>
/// <param name="Used">Used count; block RAM tiles can be fractional (a RAMB18 is half a tile).</param>
/// <param name="Fixed">Cells placed at fixed locations by constraints.</param>
/// <param name="Prohibited">Only in reports that have the column (Vivado 2021.2 and later).</param>
/// <param name="Available">Sites the device offers.</param>
/// <param name="UtilPercent">Util%; Vivado prints <c>&lt;0.01</c> for tiny values, read as 0.01.</param>
public sealed record UtilizationRow(
    string Section,
    string SiteType,
    double? Used,
    double? Fixed,
    double? Prohibited,
    double? Available,
    double? UtilPercent);
