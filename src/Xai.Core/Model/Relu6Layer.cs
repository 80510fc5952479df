namespace Xai.Model;

/// <summary>
/// Element-wise ReLU6 = min(max(x, 0), 6) (PyTorch's <c>nn.ReLU6</c>, exported as ONNX Clip(0, 6)); the
/// shape passes through. Its gradient is [0 &lt; x &lt; 6] for every attribution method: Captum's
/// DeconvNet and Guided Backprop change only <c>nn.ReLU</c> modules, and ReLU6 is a Hardtanh.
/// </summary>
public sealed class Relu6Layer : Layer
{
    public Relu6Layer(string name, TensorShape shape)
        : base(name, shape, shape)
    {
    }

    public override long ParameterCount => 0;
}
