namespace Xai.Reporting.Model;

/// <summary>The on-chip tile of the convolution block: output rows, columns, input and output channels.</summary>
public sealed record ConvTile(int H, int W, int Ci, int Co);
