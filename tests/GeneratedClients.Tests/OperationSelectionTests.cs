using System;
using System.Linq;
using System.Reflection;
using HuaweiCloud.SelectedShop;

namespace GeneratedClients.Tests;

/// <summary>
/// specs/selection.openapi.yaml, generated with the project file's <c>OpenApiIncludeTags="pets|stores"</c> and
/// <c>OpenApiExcludeOperations="deletePet"</c>: the pruned output compiles in this project (warnings are errors) and has
/// exactly the selected operations and the schemas they reach.
/// </summary>
public sealed class OperationSelectionTests
{
    private static readonly Assembly Generated = typeof(SelectedShopClient).Assembly;

    [Fact]
    public void The_client_has_the_selected_operations_only()
    {
        var methods = typeof(SelectedShopClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Where(n => n.EndsWith("Async", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["CreatePetAsync", "GetPetAsync", "ListOrdersAsync", "ListPetsAsync"], methods);
    }

    [Fact]
    public void Only_the_schemas_the_selected_operations_reach_are_generated()
    {
        string[] reached = ["Cat", "Dog", "Extra", "Hamster", "NewPet", "Order", "OrderLine", "Pet", "PetBase", "Wheel"];
        string[] pruned = ["Draft", "DraftNote", "Problem", "User", "DeletePetRequest", "ListUsersRequest"];

        Assert.All(reached, name => Assert.NotNull(Generated.GetType("HuaweiCloud.SelectedShop." + name)));
        Assert.All(pruned, name => Assert.Null(Generated.GetType("HuaweiCloud.SelectedShop." + name)));
    }

    [Fact]
    public void A_pruned_record_still_reads_and_validates()
    {
        var order = Order.FromJson("""{"lines":[{"sku":"a-1"}],"extras":{"gift":{"note":"wrap it"}}}"""u8);

        Assert.Equal("a-1", Assert.Single(order.Lines!).Sku);
        Assert.Equal("wrap it", order.Extras!["gift"].Note);
        Assert.Empty(order.Validate());
    }
}
