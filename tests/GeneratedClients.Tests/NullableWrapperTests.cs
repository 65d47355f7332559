using System.Linq;
using HuaweiCloud.NullableWrappers;

namespace GeneratedClients.Tests;

/// <summary>
/// Values that may be null, from specs/nullable-wrappers.openapi.yaml (OpenAPI 3.1): <c>oneOf: [Tag, {type: 'null'}]</c>
/// is a <c>Tag?</c>, <c>type: [integer, 'null']</c> an <c>int?</c>, <c>anyOf: [{type: string}, {type: 'null'}]</c> a
/// <c>string?</c>; each keeps the constraints of its non-null part. (The 3.0 form, <c>allOf: [$ref]</c> with
/// <c>nullable</c>, is FullItem's owner in <see cref="CompositionTests"/>.)
/// </summary>
public sealed class NullableWrapperTests
{
    [Fact]
    public void Null_is_read_for_each_wrapper_and_is_valid()
    {
        var label = Label.FromJson("""{"tag":null,"count":null,"note":null}"""u8);

        Assert.Equal((null, null, null), (label.Tag, label.Count, label.Note));
        Assert.Empty(label.Validate());
    }

    [Fact]
    public void A_value_is_read_as_the_non_null_part_with_its_constraints()
    {
        var label = Label.FromJson("""{"tag":{"name":"red"},"count":-1,"note":"too long"}"""u8);

        Assert.Equal(("red", -1, "too long"), (label.Tag!.Name, label.Count, label.Note));
        Assert.Equal(["count:minimum", "note:maxLength"], label.Validate().Select(e => e.Path + ":" + e.Rule).Order());
    }

    [Fact]
    public void The_wrappers_are_typed_as_their_non_null_part()
    {
        Assert.Equal(typeof(Tag), typeof(Label).GetProperty(nameof(Label.Tag))!.PropertyType);
        Assert.Equal(typeof(int?), typeof(Label).GetProperty(nameof(Label.Count))!.PropertyType);
    }
}
