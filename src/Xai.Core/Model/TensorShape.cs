using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// The shape of one activation tensor for a single image (no batch dimension): <c>[C,H,W]</c> for
/// feature maps, <c>[N]</c> for vectors. Compared by value.
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly ImmutableArray<int> _dimensions;

    public TensorShape(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length is not (1 or 3))
        {
            throw new ArgumentException($"A tensor shape is [C,H,W] or [N]; got rank {dimensions.Length}.", nameof(dimensions));
        }

        long count = 1;
        foreach (var d in dimensions)
        {
            if (d <= 0)
            {
                throw new ArgumentException($"Every dimension must be positive; got [{string.Join(",", dimensions)}].", nameof(dimensions));
            }

            count *= d;
            if (count > int.MaxValue)
            {
                throw new ArgumentException($"Shape [{string.Join(",", dimensions)}] has more than {int.MaxValue} elements.", nameof(dimensions));
            }
        }

        _dimensions = ImmutableArray.Create(dimensions);
        ElementCount = (int)count;
    }

    /// <summary>A feature map of <paramref name="channels"/> planes of <paramref name="height"/> × <paramref name="width"/>.</summary>
    public static TensorShape FeatureMap(int channels, int height, int width) => new(channels, height, width);

    /// <summary>A vector of <paramref name="length"/> elements (after flatten, and the class scores).</summary>
    public static TensorShape Vector(int length) => new(length);

    public ImmutableArray<int> Dimensions => _dimensions;

    public int Rank => _dimensions.Length;

    public int ElementCount { get; }

    public bool IsFeatureMap => Rank == 3;

    public bool IsVector => Rank == 1;

    /// <summary>C of a feature map, N of a vector.</summary>
    public int Channels => _dimensions[0];

    public int Height => IsFeatureMap ? _dimensions[1] : throw new InvalidOperationException($"{this} is a vector; it has no height.");

    public int Width => IsFeatureMap ? _dimensions[2] : throw new InvalidOperationException($"{this} is a vector; it has no width.");

    public bool Equals(TensorShape? other) =>
        other is not null && _dimensions.AsSpan().SequenceEqual(other._dimensions.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in _dimensions)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(TensorShape? left, TensorShape? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(TensorShape? left, TensorShape? right) => !(left == right);

    public override string ToString() => $"[{string.Join(",", _dimensions)}]";
}
