using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Xai.Amd.Reports;

namespace Xai.Reporting;

/// <summary>
/// How the report's types map to JSON: camelCase names, dictionary keys as written (method names,
/// report field paths), and required-ness from the C# nullability, so that reading a file that lacks a
/// key fails with its path instead of leaving a null behind (members with a ShouldSerialize method, left out
/// when empty, are optional). Nullable members are written as
/// <c>null</c>, except those marked to be left out and those of the normalized vendor report
/// (<see cref="HardwareReport"/>: a figure the reports did not give is absent).
/// </summary>
public sealed class ReportContractResolver : DefaultContractResolver
{
    private static readonly string VendorReportNamespace = typeof(HardwareReport).Namespace!;
    private readonly NullabilityInfoContext nullability = new();

    public ReportContractResolver()
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.DeclaringType?.Namespace == VendorReportNamespace)
        {
            property.NullValueHandling ??= NullValueHandling.Ignore;
        }

        bool nullable;
        lock (nullability)
        {
            nullable = member switch
            {
                PropertyInfo p => nullability.Create(p).ReadState != NullabilityState.NotNull,
                FieldInfo f => nullability.Create(f).ReadState != NullabilityState.NotNull,
                _ => true,
            };
        }

        // A member written only when it has something to say (a ShouldSerialize method) may be absent.
        property.Required = property.ShouldSerialize is not null ? Required.Default
            : !nullable ? Required.Always
            : property.NullValueHandling == NullValueHandling.Ignore ? Required.Default
            : Required.AllowNull;
        return property;
    }
}
