using Xai.Model;

namespace Xai.Core.Tests.Model;

/// <summary>
/// A plain float forward pass over the network IR, written straight from the layer definitions, to
/// compare the imported weights against torch's own output. Slow on purpose: no tiling, no tricks.
/// </summary>
internal static class ReferenceForward
{
    public static float[] Run(Network network, float[] image)
    {
        Assert.Equal(network.InputShape.ElementCount, image.Length);
        var x = image;
        foreach (var layer in network.Layers)
        {
            x = layer switch
            {
                Conv2dLayer conv => Conv(conv, x),
                ReluLayer => x.Select(v => v > 0 ? v : 0f).ToArray(),
                Relu6Layer => x.Select(v => v > 0 ? Math.Min(v, 6f) : 0f).ToArray(),
                MaxPool2dLayer pool => MaxPool(pool, x),
                FlattenLayer => x,
                DenseLayer dense => Dense(dense, x),
                _ => throw new NotSupportedException(layer.GetType().Name),
            };
            Assert.Equal(layer.OutputShape.ElementCount, x.Length);
        }

        return x;
    }

    private static float[] Conv(Conv2dLayer conv, float[] x)
    {
        int h = conv.InputShape.Height, w = conv.InputShape.Width, k = conv.KernelSize, s = conv.Stride;
        int pt = conv.Pads.Top, pl = conv.Pads.Left;
        int oh = conv.OutputShape.Height, ow = conv.OutputShape.Width;
        var y = new float[conv.OutputShape.ElementCount];
        var sum = new double[oh * ow];
        for (int co = 0; co < conv.OutChannels; co++)
        {
            Array.Fill(sum, conv.Bias[co]);
            for (int ci = 0; ci < conv.InChannels; ci++)
            {
                if (conv.Depthwise && ci != co)
                {
                    continue; // depthwise: channel co from channel co only
                }

                for (int ky = 0; ky < k; ky++)
                {
                    for (int kx = 0; kx < k; kx++)
                    {
                        double weight = conv.Weight(co, ci, ky, kx);

                        // Input pixel (oy * s + ky - pt, ox * s + kx - pl); outside the map it is zero padding.
                        for (int oy = 0; oy < oh; oy++)
                        {
                            int iy = oy * s + ky - pt;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }

                            for (int ox = 0; ox < ow; ox++)
                            {
                                int ix = ox * s + kx - pl;
                                if (ix >= 0 && ix < w)
                                {
                                    sum[oy * ow + ox] += weight * x[(ci * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                }
            }

            for (int i = 0; i < sum.Length; i++)
            {
                y[co * oh * ow + i] = (float)sum[i];
            }
        }

        return y;
    }

    private static float[] MaxPool(MaxPool2dLayer pool, float[] x)
    {
        int h = pool.InputShape.Height, w = pool.InputShape.Width, k = pool.KernelSize;
        int oh = pool.OutputShape.Height, ow = pool.OutputShape.Width;
        var y = new float[pool.OutputShape.ElementCount];
        for (int c = 0; c < pool.InputShape.Channels; c++)
        {
            for (int oy = 0; oy < oh; oy++)
            {
                for (int ox = 0; ox < ow; ox++)
                {
                    float m = float.NegativeInfinity; // padding
                    for (int dy = 0; dy < k; dy++)
                    {
                        for (int dx = 0; dx < k; dx++)
                        {
                            int iy = (oy * 2) + dy - pool.Pads.Top, ix = (ox * 2) + dx - pool.Pads.Left;
                            if (iy >= 0 && ix >= 0 && iy < h && ix < w)
                            {
                                m = Math.Max(m, x[(((c * h) + iy) * w) + ix]);
                            }
                        }
                    }

                    y[(((c * oh) + oy) * ow) + ox] = m;
                }
            }
        }

        return y;
    }

    private static float[] Dense(DenseLayer dense, float[] x)
    {
        var weights = dense.Weights.AsSpan();
        var y = new float[dense.OutFeatures];
        for (int o = 0; o < dense.OutFeatures; o++)
        {
            double sum = dense.Bias[o];
            for (int i = 0; i < dense.InFeatures; i++)
            {
                sum += weights[o * dense.InFeatures + i] * (double)x[i];
            }

            y[o] = (float)sum;
        }

        return y;
    }
}
