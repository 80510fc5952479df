using Xai.Model;

namespace Xai.Onnx;

/// <summary>
/// Folds an inference-mode batch normalization y = γ·(x − μ)/√(σ² + ε) + β into the convolution
/// that feeds it, so the hardware sees one convolution: per output channel c the weights scale by
/// s = γ/√(σ² + ε) and the bias becomes (b − μ)·s + β. Computed in double, rounded once to float.
/// </summary>
internal static class BatchNormalizationFolding
{
    public static Conv2dLayer Fold(
        Conv2dLayer conv,
        ReadOnlySpan<float> scale,
        ReadOnlySpan<float> shift,
        ReadOnlySpan<float> mean,
        ReadOnlySpan<float> variance,
        double epsilon)
    {
        int channels = conv.OutChannels;
        int perChannel = conv.WeightsPerOutputChannel;
        var weights = new float[conv.Weights.Length];
        var bias = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            double s = scale[c] / Math.Sqrt(variance[c] + epsilon);
            for (int j = 0; j < perChannel; j++)
            {
                weights[c * perChannel + j] = (float)(conv.Weights[c * perChannel + j] * s);
            }

            bias[c] = (float)(((double)conv.Bias[c] - mean[c]) * s + shift[c]);
        }

        return new Conv2dLayer(conv.Name, conv.InputShape, channels, conv.KernelSize, conv.Pads, conv.Stride, weights, bias, conv.Depthwise);
    }
}
