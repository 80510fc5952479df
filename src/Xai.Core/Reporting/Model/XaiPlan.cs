namespace Xai.Reporting.Model;

/// <summary>plan.json (<c>schemas/xai-plan.schema.json</c>), also embedded as report.json's <c>plan</c>: the design as planned, before any tool ran.</summary>
public sealed record XaiPlan
{
    public required string Network { get; init; }

    /// <summary>The ONNX file's name.</summary>
    public required string Model { get; init; }

    public required string Board { get; init; }

    public required string Part { get; init; }

    /// <summary>Input shape, [C, H, W].</summary>
    public required List<int> Input { get; init; }

    public required int Classes { get; init; }

    public required long Parameters { get; init; }

    public required List<string> Methods { get; init; }

    public required PlanEngine Engine { get; init; }

    /// <summary>Modelled resources of the planned accelerator beside the board's.</summary>
    public required PlanResources Resources { get; init; }

    /// <summary>Modelled latency of the planned accelerator, its limits and the paper's figures beside it.</summary>
    public required PlanLatency Latency { get; init; }

    public required PlanNumerics Numerics { get; init; }

    public required List<PlanLayer> Layers { get; init; }

    public required PlanWork Work { get; init; }

    public required PlanMemory Memory { get; init; }
}
