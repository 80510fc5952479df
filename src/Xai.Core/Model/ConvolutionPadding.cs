namespace Xai.Model;

/// <summary>Zeros a convolution adds on each side of its input, in ONNX's order (top, left, bottom, right).</summary>
public readonly record struct ConvolutionPadding(int Top, int Left, int Bottom, int Right)
{
    /// <summary><paramref name="padding"/> zeros on every side.</summary>
    public static ConvolutionPadding Uniform(int padding) => new(padding, padding, padding, padding);

    public bool IsUniform => Top == Left && Left == Bottom && Bottom == Right;

    /// <summary>Whether no side has more than <paramref name="limit"/> zeros.</summary>
    public bool AtMost(int limit) => Top <= limit && Left <= limit && Bottom <= limit && Right <= limit;

    /// <summary>ONNX's notation, <c>[top,left,bottom,right]</c>.</summary>
    public override string ToString() => $"[{Top},{Left},{Bottom},{Right}]";
}
