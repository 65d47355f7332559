using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using HuaweiCloud.Annotated;
using HuaweiCloud.DataArtsFabric;

namespace GeneratedClients.Tests;

/// <summary>
/// With OpenApiEmitDataAnnotations on, the attributes agree with the generated validator member by member, for users who
/// validate through ASP.NET or Options validation. (DataAnnotations count UTF-16 units, the validator code points, so the
/// cases stay within the Basic Multilingual Plane.)
/// </summary>
public sealed class DataAnnotationsTests
{
    public static TheoryData<object> Values() => new()
    {
        new Sizing { Name = "ab" },
        new Sizing { Name = "a" },
        new Sizing { Name = "abcdefghi" },
        new Sizing { Name = "ab_c" },
        new Sizing { Name = "web", Replicas = 0 },
        new Sizing { Name = "web", Replicas = 10 },
        new Sizing { Name = "web", Replicas = 11 },
        new Sizing { Name = "web", Ratio = 0 },
        new Sizing { Name = "web", Ratio = 0.5 },
        new Sizing { Name = "web", Ratio = 1.5 },
        new Sizing { Name = "web", Tags = [] },
        new Sizing { Name = "web", Tags = ["a", "b", "c", "d"] },
        new Sizing { Name = "web", Tags = ["a"] },
        new SourceRef { Id = "0b5633ba-2b90" },
        new SourceRef { Id = "" },
        new SourceRef { Id = "has space" },
        new SourceRef { Id = new string('a', 37) },
        new UpdateServiceInstanceRequestBody { Name = "instance 1.0_a-b" },
        new UpdateServiceInstanceRequestBody { Name = "bad<name>" },
        new UpdateServiceInstanceRequestBody { Description = "no & allowed" },
        new UpdateServiceInstanceRequestBody { Description = "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Attributes_and_validator_reject_the_same_members(object value)
    {
        var annotationResults = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), annotationResults, validateAllProperties: true);
        var byAttributes = annotationResults.SelectMany(r => r.MemberNames).Select(name => WireName(value.GetType(), name)).Distinct().OrderBy(n => n, StringComparer.Ordinal);

        var errors = (IReadOnlyList<OpenApiClientGenerator.Runtime.ValidationError>)value.GetType().GetMethod("Validate")!.Invoke(value, null)!;
        var byValidator = errors.Select(e => e.Path).Distinct().OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(byValidator, byAttributes);
    }

    [Fact]
    public void Every_constraint_of_a_member_has_its_attribute()
    {
        var name = typeof(Sizing).GetProperty(nameof(Sizing.Name))!;
        Assert.NotNull(name.GetCustomAttribute<RequiredAttribute>());
        Assert.Equal((2, 8), (name.GetCustomAttribute<StringLengthAttribute>()!.MinimumLength, name.GetCustomAttribute<StringLengthAttribute>()!.MaximumLength));
        // The spec's "^[a-z-]+$" as Validate() reads it: ECMA-262's "$" does not match before a final line feed.
        var pattern = name.GetCustomAttribute<RegularExpressionAttribute>()!;
        Assert.Equal((true, false, false), (pattern.IsValid("ab-c"), pattern.IsValid("ab-c\n"), pattern.IsValid("Ab")));
        var ratio = typeof(Sizing).GetProperty(nameof(Sizing.Ratio))!.GetCustomAttribute<RangeAttribute>()!;
        Assert.True(ratio.MinimumIsExclusive);
        Assert.False(ratio.MaximumIsExclusive);
    }

    private static string WireName(Type type, string member)
        => type.GetProperty(member)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
}
