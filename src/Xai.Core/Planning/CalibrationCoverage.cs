using System.Globalization;
using Xai.Attribution;
using Xai.Projects;

namespace Xai.Planning;

/// <summary>
/// Where other images reach beyond the range the calibration images gave a format: the planner sizes each
/// activation and gradient boundary for the largest magnitude calibration saw, with no headroom (precision
/// first), so a larger value on other data saturates. Measured by the calibration program on those images.
/// </summary>
public static class CalibrationCoverage
{
    /// <summary>A boundary whose largest magnitude on the images exceeds what its planned format holds.</summary>
    /// <param name="Method">The method whose pass saw it (activations: the first method whose format is exceeded).</param>
    /// <param name="Gradient">A gradient boundary; false: an activation boundary (0 the input, L the logits).</param>
    /// <param name="Seen">Largest magnitude on the images.</param>
    /// <param name="Holds">Largest magnitude the format holds (format maximum times 2^-exponent).</param>
    /// <param name="Calibrated">Largest magnitude the calibration images gave.</param>
    public sealed record Overflow(AttributionMethod Method, bool Gradient, int Boundary, double Seen, double Holds, double Calibrated);

    /// <summary>The boundaries of <paramref name="plan"/>'s planned formats that <paramref name="seen"/> exceeds; empty without calibrated formats.</summary>
    public static IReadOnlyList<Overflow> Find(DesignPlan plan, CalibrationRanges seen)
    {
        var found = new List<Overflow>();
        if (plan.Scheme == NumericsScheme.PaperFaithful || plan.Calibration is not { } calibrated)
        {
            return found;
        }

        var activationSeen = seen.ActivationMax.Prepend(seen.InputMax).ToArray();
        var activationCalibrated = calibrated.ActivationMax.Prepend(calibrated.InputMax).ToArray();
        var activationsDone = new HashSet<int>();
        foreach (var method in plan.Methods)
        {
            var numerics = plan.Numerics[method];
            for (var b = 0; b < activationSeen.Length; b++)
            {
                // A pool unit's output keeps its source's format and is at most its source: only the source can saturate.
                if (b > 0 && plan.Layers[b - 1] is PoolBlockLayer)
                {
                    continue;
                }

                var holds = numerics.Activation.Max * Math.Pow(2, -numerics.ActivationExponents[b]);
                if (activationSeen[b] > holds && activationsDone.Add(b))
                {
                    found.Add(new Overflow(method, false, b, activationSeen[b], holds, activationCalibrated[b]));
                }
            }

            if (seen.GradientMax.TryGetValue(method, out var gradientSeen) && calibrated.GradientMax.TryGetValue(method, out var gradientCalibrated))
            {
                // Grad-CAM's boundary 0 holds its map scaled per image into the relevance format's top binade, not a gradient.
                for (var b = method == AttributionMethod.GradCam ? 1 : 0; b < gradientSeen.Length; b++)
                {
                    var holds = numerics.Gradient.Max * Math.Pow(2, -numerics.GradientExponents[b]);
                    if (gradientSeen[b] > holds)
                    {
                        found.Add(new Overflow(method, true, b, gradientSeen[b], holds, gradientCalibrated[b]));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>One line per overflow, naming the boundary by the block that writes it (activations) or reads it (gradients).</summary>
    public static string Describe(DesignPlan plan, IReadOnlyList<Overflow> overflows) => string.Join("; ", overflows.Select(o =>
    {
        var where = o.Gradient
            ? o.Boundary == 0 ? "the input relevance" : o.Boundary >= plan.Layers.Count ? "the logits' gradient" : $"the gradient at the output of '{plan.Layers[o.Boundary - 1].Name}'"
            : o.Boundary == 0 ? "the input" : $"the output of '{plan.Layers[o.Boundary - 1].Name}'";
        var whose = o.Gradient ? $" ({o.Method})" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{where}{whose} reaches {o.Seen:0.###} where its format holds {o.Holds:0.###} (calibration saw {o.Calibrated:0.###})");
    }));
}
