using System.Globalization;
using Xai.Attribution;
using Xai.Diagnostics;

namespace Xai.Planning;

/// <summary>
/// Largest magnitudes seen by the float C simulation over the calibration images: the input,
/// each block's stored output, and per method each gradient boundary (0 = input relevance,
/// L = logits). The planner sizes the fixed-point formats from them.
/// </summary>
public sealed class CalibrationRanges
{
    public CalibrationRanges(int images, double inputMax, IReadOnlyList<double> activationMax, IReadOnlyDictionary<AttributionMethod, double[]> gradientMax)
    {
        Images = images;
        InputMax = inputMax;
        ActivationMax = activationMax;
        GradientMax = gradientMax;
    }

    public int Images { get; }

    public double InputMax { get; }

    /// <summary>Per hardware layer, largest |stored output|.</summary>
    public IReadOnlyList<double> ActivationMax { get; }

    /// <summary>Per method, per gradient boundary, largest |gradient|.</summary>
    public IReadOnlyDictionary<AttributionMethod, double[]> GradientMax { get; }

    /// <summary>
    /// Parses the calibration program's output: lines <c>images N</c>, <c>input_max V</c>,
    /// <c>act_max LAYER V</c>, <c>grad_max METHOD BOUNDARY V</c>.
    /// </summary>
    public static CalibrationRanges Parse(string text, int layers, string source)
    {
        int images = -1;
        double input = double.NaN;
        var act = Enumerable.Repeat(double.NaN, layers).ToArray();
        var grads = new Dictionary<AttributionMethod, double[]>();
        foreach (var raw in text.Split('\n'))
        {
            var f = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0)
            {
                continue;
            }

            try
            {
                switch (f[0])
                {
                    case "images":
                        images = int.Parse(f[1], CultureInfo.InvariantCulture);
                        break;
                    case "input_max":
                        input = Number(f[1]);
                        break;
                    case "act_max":
                        act[int.Parse(f[1], CultureInfo.InvariantCulture)] = Number(f[2]);
                        break;
                    case "grad_max":
                        var method = Enum.Parse<AttributionMethod>(f[1]);
                        if (!grads.TryGetValue(method, out var g))
                        {
                            grads[method] = g = Enumerable.Repeat(double.NaN, layers + 1).ToArray();
                        }

                        g[int.Parse(f[2], CultureInfo.InvariantCulture)] = Number(f[3]);
                        break;
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
            {
                throw new XaiException(DiagnosticCatalog.CalibrationRangesUnusable, $"Calibration output line '{raw.Trim()}' is malformed.", source, inner: e);
            }
        }

        if (images <= 0 || double.IsNaN(input) || act.Any(double.IsNaN) || grads.Values.Any(g => g.Any(double.IsNaN)))
        {
            throw new XaiException(DiagnosticCatalog.CalibrationRangesUnusable, "Calibration output is incomplete: the program did not report every range.", source);
        }

        return new CalibrationRanges(images, input, act, grads);
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
