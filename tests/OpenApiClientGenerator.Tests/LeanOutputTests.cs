using System;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// What keeps the generated code lean (issue 15): repeated inline unions share a type, and the doc comments say only
/// what the spec and the declaration do not already say. GeneratedClients.Tests runs the code against Kestrel.
/// </summary>
public sealed class LeanOutputTests
{
    /// <summary>Two records with Stripe's expandable field: <c>anyOf: [string, $ref]</c>, described differently at each use.</summary>
    private const string ExpandableFields = """
        openapi: 3.0.3
        info: { title: Expandable, version: '1.0' }
        paths:
          /charges:
            get:
              operationId: GetCharge
              responses:
                '200':
                  description: A charge.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Charge' }
          /refunds:
            get:
              operationId: GetRefund
              responses:
                '200':
                  description: A refund.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Refund' }
            post:
              operationId: CreateCharge
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/NewCharge' }
              responses:
                '204': { description: Created. }
        components:
          schemas:
            NewCharge:
              type: object
              required: [amount]
              properties:
                amount: { type: integer }
                note: { type: string }
            Customer:
              type: object
              required: [id]
              properties:
                id: { type: string }
            Charge:
              type: object
              properties:
                customer:
                  description: The customer the charge is for.
                  anyOf:
                    - { type: string, maxLength: 5000 }
                    - $ref: '#/components/schemas/Customer'
                amount: { type: integer }
                note: { type: string, maxLength: 10 }
            Refund:
              type: object
              properties:
                customer:
                  description: The customer refunded.
                  anyOf:
                    - { type: string, maxLength: 5000 }
                    - $ref: '#/components/schemas/Customer'
                other:
                  anyOf:
                    - { type: string, maxLength: 10 }
                    - $ref: '#/components/schemas/Customer'
        """;

    [Fact]
    public void Structurally_identical_inline_unions_share_one_type_and_each_member_keeps_its_description()
    {
        var run = GeneratorHarness.RunSpecs(("expandable.openapi.yaml", ExpandableFields));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("ExpandableClient");
        var unions = Regex.Matches(models, @"public sealed partial class (\w+) : IEquatable<\w+>, IUnionValue").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["ChargeCustomer", "RefundOther"], unions.Order(StringComparer.Ordinal));
        Assert.Contains("public ChargeCustomer? Customer { get; init; }", Record(models, "Refund"), StringComparison.Ordinal);
        Assert.Contains("/// <summary>The customer refunded.</summary>", Record(models, "Refund"), StringComparison.Ordinal);
        Assert.Contains("/// <summary>The customer the charge is for.</summary>", Record(models, "Charge"), StringComparison.Ordinal);

        // One description cannot serve both uses: the shared type does not take either.
        Assert.DoesNotContain("The customer", Record(models, "ChargeCustomer"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>
    /// Two bodies of the same choice with members beside it (GitHub's check runs): the choice's parts are written alike,
    /// but each variant holds the members of its own body too, so the variants are not the same types.
    /// </summary>
    private const string ChoicesBesideMembers = """
        openapi: 3.0.3
        info: { title: Checks, version: '1.0' }
        paths:
          /checks:
            post:
              operationId: CreateCheck
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name: { type: string }
                      oneOf:
                        - { properties: { status: { enum: [completed] } }, required: [status] }
                        - { properties: { status: { enum: [queued, in_progress] } } }
              responses:
                '204': { description: Created. }
            patch:
              operationId: UpdateCheck
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        summary: { type: string }
                      oneOf:
                        - { properties: { status: { enum: [completed] } }, required: [status] }
                        - { properties: { status: { enum: [queued, in_progress] } } }
              responses:
                '204': { description: Updated. }
        """;

    [Fact]
    public void Variants_of_choices_written_alike_beside_different_members_are_types_of_their_own()
    {
        var run = GeneratorHarness.RunSpecs(("checks.openapi.yaml", ChoicesBesideMembers));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("ChecksClient");
        Assert.Contains("Name { get; init; }", Record(models, "CreateCheckBodyObject2"), StringComparison.Ordinal);
        Assert.Contains("Summary { get; init; }", Record(models, "UpdateCheckBodyObject2"), StringComparison.Ordinal);
        Assert.DoesNotContain("Name { get; init; }", Record(models, "UpdateCheckBodyObject2"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_member_has_no_placeholder_summary_and_no_remark_that_its_declaration_already_makes()
    {
        var run = GeneratorHarness.RunSpecs(("expandable.openapi.yaml", ExpandableFields));
        var models = run.ModelsText("ExpandableClient");

        // A request's record: `required` and the nullable type say what the spec requires.
        var newCharge = Record(models, "NewCharge");
        Assert.DoesNotContain("/// <summary>Not described", newCharge, StringComparison.Ordinal);
        Assert.DoesNotContain("<remarks>", newCharge, StringComparison.Ordinal);
        Assert.Contains("""
                    [JsonPropertyName("amount")]
                    public required long Amount { get; init; }

                    [JsonPropertyName("note")]
                    public string? Note { get; init; }
            """, newCharge, StringComparison.Ordinal);

        // A record read from responses is read leniently, so its declaration admits null where the spec requires a value.
        Assert.Contains("""
                    /// <remarks>Required.</remarks>
                    [JsonPropertyName("id")]
                    public string? Id { get; init; }
            """, Record(models, "Customer"), StringComparison.Ordinal);

        // A constraint the type does not show is still spelled out.
        Assert.Contains("/// <remarks>At most 10 characters.</remarks>", Record(models, "Charge"), StringComparison.Ordinal);
    }

    /// <summary>The type <paramref name="name"/>, its doc comment included, up to the next type.</summary>
    private static string Record(string models, string name)
    {
        var declaration = Regex.Match(models, @"public sealed partial (record|class) " + name + @"\b");
        Assert.True(declaration.Success, name + " is not generated");
        var start = models.LastIndexOf("\n\n", declaration.Index, StringComparison.Ordinal) + 2;
        var next = Regex.Match(models.Substring(declaration.Index), @"\n    \}\n");
        return models.Substring(start, declaration.Index - start + next.Index);
    }
}
