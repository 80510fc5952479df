namespace Xai.Model;

/// <summary>Element-wise max(x, 0) on a feature map or a vector; the shape passes through.</summary>
public sealed class ReluLayer : Layer
{
    public ReluLayer(string name, TensorShape shape)
        : base(name, shape, shape)
    {
    }

    public override long ParameterCount => 0;
}
