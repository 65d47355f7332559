using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "Never break a build it should not break; point at the exact line when a spec is wrong": each kind of problem
/// is reported with its ID and severity, a message that says what is wrong, and the file and 0-based line and column of
/// the offending node; a spec with an error generates nothing, and the other specs are not affected.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Demo
          version: '1.0'
        """;

    [Fact]
    public void A_yaml_syntax_error_is_reported_where_the_parser_stops()
    {
        var run = Run("demo.openapi.yaml", """
            openapi: 3.0.3
            info:
              title: Demo
              version: '1.0'
            paths:
              /items:
                get:
                  responses:
                    '200':
                      description: OK
                     bad: indentation
            """);

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.yaml", 10, 9, "demo.openapi.yaml", "did not find expected key");
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_on_its_line()
    {
        var run = Run("demo.openapi.yaml", "openapi: 3.0.3\ninfo:\n\ttitle: Demo\n");

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.yaml", 2, 0, "tab");
    }

    [Fact]
    public void An_unclosed_flow_sequence_names_the_line_it_starts_on()
    {
        var run = Run("demo.openapi.yaml", """
            openapi: 3.0.3
            info:
              title: Demo
              version: '1.0'
            paths:
              /items:
                get:
                  tags: [items, search
                  responses:
                    '200':
                      description: OK
            """);

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.yaml", 8, 6, "did not find expected ',' or ']'", "starts at line 8, column 13");
    }

    [Fact]
    public void A_json_syntax_error_in_a_json_spec_is_reported_where_the_parser_stops()
    {
        var run = Run("demo.openapi.json", """
            {
              "openapi": "3.0.3",
              "info": { "title": "Demo" "version": "1.0" },
              "paths": {}
            }
            """);

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.json", 2, 28, "demo.openapi.json", "did not find expected ',' or '}'", "starts at line 3, column 11");
    }

    [Fact]
    public void A_json_object_left_open_is_reported_at_its_opening_brace()
    {
        var run = Run("demo.openapi.json", """
            {
              "openapi": "3.0.3",
              "info": { "title": "Demo", "version": "1.0" },
              "paths": {}
            """);

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.json", 0, 0, "never closed", "'}'");
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_occurrence()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  type: string
            """);

        AssertSingle(run, "OAG001", DiagnosticSeverity.Error, "demo.openapi.yaml", 9, 6, "Duplicate key 'type'");
    }

    [Fact]
    public void A_missing_info_object_is_reported_on_the_first_line()
    {
        var run = Run("demo.openapi.yaml", "openapi: 3.0.3\npaths: {}\n");

        var errors = run.GeneratorDiagnostics.Where(d => d.Id == "OAG002").ToList();
        Assert.Equal(2, errors.Count);
        AssertDiagnostic(errors[0], "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 0, 0, "#/info/title", "'title'", "REQUIRED");
        AssertDiagnostic(errors[1], "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 0, 0, "#/info/version", "'version'", "REQUIRED");
    }

    [Fact]
    public void Paths_of_the_wrong_type_are_reported_at_the_value()
    {
        var run = Run("demo.openapi.yaml", Head + "\npaths: [1, 2]\n");

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 4, 7, "#/paths", "'paths' must be an object, not a list");
    }

    [Fact]
    public void A_path_parameter_not_declared_required_is_reported_at_the_parameter()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              /items/{id}:
                get:
                  parameters:
                    - name: id
                      in: path
                      schema:
                        type: string
                  responses:
                    '200':
                      description: OK
            """);

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 8, 10, "#/paths/~1items~1{id}/get/parameters/0/required", "\"required\" must be true");
    }

    [Fact]
    public void A_property_schema_written_as_a_type_name_is_reported_at_the_value()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: string
            """);

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 10, 14, "#/components/schemas/Item/properties/name", "A schema must be an object, not the string 'string'");
    }

    /// <summary>Microsoft.OpenApi throws FormatException on this value; the generator finds the node it failed on.</summary>
    [Fact]
    public void A_length_that_is_not_a_number_is_reported_at_the_value_not_as_a_crash()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name:
                      type: string
                      minLength: "x"
            """);

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 12, 21, "#/components/schemas/Item/properties/name/minLength", "'minLength' cannot be read", "'x'");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "OAG011" or "CS8785");
    }

    [Fact]
    public void A_flag_that_is_not_a_boolean_is_reported_at_the_value_not_as_a_crash()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              /items:
                get:
                  deprecated: maybe
                  responses:
                    '200':
                      description: OK
            """);

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 7, 18, "#/paths/~1items/get/deprecated", "'deprecated' cannot be read", "'maybe'", "Boolean");
    }

    [Fact]
    public void A_bad_value_in_a_documented_json_patch_path_is_reported_at_the_value()
    {
        var run = Run("demo.openapi.yaml", JsonPatchSpec(ops: "[replace]", "/name: { type: string, maxLength: 2.5 }"));

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 25, 42, "#/components/schemas/Change/x-json-patch-paths/~1name/maxLength", "'maxLength' cannot be read", "'2.5'");
    }

    [Fact]
    public void An_unsupported_openapi_version_is_reported_at_the_version()
    {
        var run = Run("demo.openapi.yaml", "openapi: 9.9.9\ninfo:\n  title: Demo\n  version: '1.0'\npaths: {}\n");

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 0, 9, "9.9.9", "not supported");
    }

    [Fact]
    public void Extensions_beside_paths_and_responses_are_not_taken_for_them()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              x-owner: team-a
              /items:
                get:
                  responses:
                    x-reviewed: true
                    '200':
                      description: OK
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_component_name_openapi_forbids_is_reported_at_the_name()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                名称:
                  type: object
            """);

        AssertSingle(run, "OAG002", DiagnosticSeverity.Error, "demo.openapi.yaml", 9, 4, "#/components", "'名称'", "MUST match the regular expression");
    }

    [Fact]
    public void An_unresolved_reference_is_reported_at_the_reference()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    owner:
                      $ref: '#/components/schemas/Missing'
            """);

        AssertSingle(run, "OAG004", DiagnosticSeverity.Error, "demo.openapi.yaml", 11, 16, "'#/components/schemas/Missing'", "does not point at anything");
    }

    /// <summary>Was OAG011: Microsoft.OpenApi throws "Circular reference detected" for a schema that only refers to itself.</summary>
    [Fact]
    public void A_reference_that_leads_back_to_itself_is_reported_at_the_reference()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    owner:
                      $ref: '#/components/schemas/Loop'
                Loop:
                  $ref: '#/components/schemas/Loop'
            """);

        AssertSingle(run, "OAG016", DiagnosticSeverity.Error, "demo.openapi.yaml", 13, 12, "'#/components/schemas/Loop'", "leads back to itself");
    }

    [Fact]
    public void An_external_reference_is_reported_at_the_reference_and_nothing_is_loaded()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    owner:
                      $ref: 'other.yaml#/components/schemas/Owner'
            """);

        AssertSingle(run, "OAG005", DiagnosticSeverity.Error, "demo.openapi.yaml", 11, 16, "'other.yaml#/components/schemas/Owner'", "points outside this spec");
    }

    [Fact]
    public void An_allOf_part_that_narrows_a_member_to_an_enum_is_no_warning_and_one_with_no_value_in_common_is_one()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Run:
                  type: object
                  properties:
                    status: { type: string, enum: [queued, completed] }
                    conclusion: { type: string }
                Completed:
                  allOf:
                    - $ref: '#/components/schemas/Run'
                    - properties:
                        status: { type: string, enum: [completed] }
                        conclusion: { type: string, enum: [success] }
                Impossible:
                  allOf:
                    - $ref: '#/components/schemas/Completed'
                    - properties:
                        status: { type: string, enum: [queued] }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 22, 12, "allOf parts whose enums have no value in common is not supported", "only the first part's values are validated");
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public RunStatus? Status { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Conclusion { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("RunStatusJson.ToWire(statusValue) is not (\"completed\")", models, StringComparison.Ordinal);
        Assert.DoesNotContain("enum CompletedStatus", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_allOf_part_that_retypes_a_member_is_a_warning_at_that_declaration_and_the_base_type_is_kept()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    id: { type: string }
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - properties:
                        id: { type: integer }
                IBase:
                  type: object
                  properties:
                    x: { type: string }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 15, 12, "allOf parts that give one value two different types is not supported", "the first part's type");
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public sealed partial record Derived : IBase2", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record IBase : IJsonWritable, IValidatable\n", models.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_choice_of_one_schema_is_that_schema_without_a_warning_and_one_beside_another_type_is_a_warning()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Profile:
                  type: object
                  properties:
                    name: { type: string }
                Account:
                  type: object
                  properties:
                    profile: { anyOf: [ { $ref: '#/components/schemas/Profile' } ], nullable: true, description: The profile. }
                    settings: { oneOf: [ { $ref: '#/components/schemas/Profile' } ] }
                    code: { anyOf: [ { type: string, maxLength: 4 } ] }
                    items: { type: array, items: { type: object, oneOf: [ { $ref: '#/components/schemas/Profile' } ] } }
                    odd: { type: string, oneOf: [ { $ref: '#/components/schemas/Profile' } ] }
                    loose: { required: [name], anyOf: [ { $ref: '#/components/schemas/Profile' } ] }
            """);

        Assert.Collection(
            run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            d => AssertDiagnostic(d, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 18, 29, "oneOf is not supported", "generated as those keywords type the value"),
            d => AssertDiagnostic(d, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 19, 35, "anyOf is not supported", "generated as a JsonElement"));
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public Profile? Profile { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public Profile? Settings { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Code { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyList<Profile>? Items { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Odd { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public JsonElement? Loose { get; init; }", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_member_that_two_parts_declare_as_different_records_is_a_record_of_both_without_a_warning()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              /images:
                patch:
                  requestBody:
                    content:
                      application/merge-patch+json:
                        schema: { $ref: '#/components/schemas/Captioned' }
                  responses:
                    '200':
                      description: Patched.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Captioned' }
            components:
              schemas:
                Message:
                  type: object
                  properties:
                    image: { type: object, required: [url], properties: { url: { type: string } } }
                Captioned:
                  allOf:
                    - $ref: '#/components/schemas/Message'
                    - properties:
                        image: { type: object, properties: { caption: { type: string } } }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public CaptionedImage? Image { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public Optional<CaptionedImagePatch?> Image { get; init; }", models, StringComparison.Ordinal);
        Assert.Equal(
            ["CaptionedImage", "CaptionedImagePatch", "MessageImage"],
            Regex.Matches(models, @"partial record (\w*Image\w*)").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_allOf_part_that_types_an_enum_member_as_a_plain_string_or_a_string_member_as_an_enum_keeps_the_enum()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Kind:
                  type: string
                  enum: [auto, snapshot]
                Backup:
                  type: object
                  properties:
                    type: { $ref: '#/components/schemas/Kind' }
                    label: { type: string }
                AutomaticBackup:
                  allOf:
                    - $ref: '#/components/schemas/Backup'
                    - properties:
                        type: { type: string, nullable: true }
                        label: { $ref: '#/components/schemas/Kind' }
                        note: { type: string }
                Worded:
                  allOf:
                    - $ref: '#/components/schemas/Backup'
                    - properties:
                        type: { type: string, maxLength: 3 }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 26, 12, "allOf parts that give one value two different types is not supported");
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public Kind? Type { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public Kind? Label { get; init; }", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_content_encoding_other_than_base64_is_a_warning_at_the_keyword_and_the_value_stays_its_text()
    {
        var run = Run("demo.openapi.yaml", """
            openapi: 3.1.0
            info:
              title: Demo
              version: '1.0'
            paths: {}
            components:
              schemas:
                Token:
                  type: object
                  properties:
                    code: { type: string, contentEncoding: base32 }
                    text: { type: string, contentEncoding: quoted-printable }
                    data: { type: string, contentEncoding: base64url }
                    legacy: { type: string, format: byte }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 10, 47, "contentEncoding 'base32' is not supported", "a string");
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public string? Code { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Text { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public byte[]? Data { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public byte[]? Legacy { get; init; }", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_one_of_or_any_of_a_schema_and_null_is_that_schema_made_nullable_without_a_warning()
    {
        var run = Run("demo.openapi.yaml", """
            openapi: 3.1.0
            info:
              title: Demo
              version: '1.0'
            paths: {}
            components:
              schemas:
                Tag:
                  type: object
                  properties:
                    name: { type: string }
                Label:
                  type: object
                  properties:
                    tag:
                      oneOf:
                        - $ref: '#/components/schemas/Tag'
                        - type: 'null'
                    note:
                      anyOf:
                        - type: 'null'
                        - type: string
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public Tag? Tag { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Note { get; init; }", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_security_scheme_the_client_cannot_use_is_a_warning_at_its_node_and_gets_no_option()
    {
        var run = Run("demo.openapi.yaml", Head + """

            security:
              - legacy: []
              - missing: []
            paths:
              /items:
                get:
                  operationId: ListItems
                  responses:
                    '200':
                      description: OK
            components:
              securitySchemes:
                legacy:
                  type: http
                  scheme: digest
                browser:
                  type: oauth2
                  flows:
                    implicit:
                      authorizationUrl: https://example.com/authorize
                      scopes: {}
            """);

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OAG018").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, warning => Assert.Equal(DiagnosticSeverity.Warning, warning.Severity));
        Assert.Equal(
            [
                (7, "The security requirement 'missing' cannot be used: no scheme of that name is declared in components.securitySchemes"),
                (19, "The security scheme 'legacy' cannot be used: the HTTP authentication scheme 'digest' is not bearer or basic"),
                (23, "The security scheme 'browser' cannot be used: only the clientCredentials flow of OAuth 2.0 runs without a user at a browser"),
            ],
            warnings.Select(w => (w.Location.GetLineSpan().StartLinePosition.Line + 1, w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(';')[0])));
        var options = run.Sources.Single(source => source.HintName.EndsWith("DemoClient.Options.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain("Legacy", options, StringComparison.Ordinal);
        Assert.Contains(".CreateHandler(", options, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_one_of_of_records_is_a_union_with_no_warning()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    kind:
                      oneOf:
                        - $ref: '#/components/schemas/Cat'
                        - $ref: '#/components/schemas/Dog'
                Cat:
                  type: object
                  properties:
                    meows: { type: boolean }
                Dog:
                  type: object
                  properties:
                    barks: { type: boolean }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("DemoClient");
        Assert.Contains("public PetKind? Kind { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class PetKind : IEquatable<PetKind>, IUnionValue", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_one_of_and_an_any_of_beside_the_members_of_one_schema_are_warnings_at_the_keywords_and_the_record_is_generated()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: { type: string }
                  oneOf:
                    - required: [name]
                    - required: [id]
                  anyOf:
                    - required: [a]
                    - required: [b]
            """);

        Assert.Collection(
            run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            d => AssertDiagnostic(d, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 11, 6, "oneOf is not supported", "two choices no one type holds"),
            d => AssertDiagnostic(d, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 14, 6, "anyOf is not supported", "two choices no one type holds"));
        Assert.Contains("public string? Name { get; init; }", run.ModelsText("DemoClient"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_discriminator_mapping_to_a_schema_that_is_no_variant_is_a_warning_at_the_mapping()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      bird: '#/components/schemas/Bird'
                Cat: { type: object, properties: { kind: { type: string } } }
                Dog: { type: object, properties: { kind: { type: string } } }
                Bird: { type: object, properties: { kind: { type: string } } }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 14, 10, "none of the variants", "unknown variant");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_parameter_style_its_location_does_not_take_is_a_warning_at_the_style()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              /items/{id}:
                get:
                  operationId: ListItems
                  parameters:
                    - name: id
                      in: path
                      required: true
                      style: deepObject
                      schema: { type: string }
                  responses:
                    '204': { description: OK }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 12, 17, "'deepObject' on a path parameter", "simple style");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_schema_that_contains_itself_with_no_object_in_between_is_a_warning_not_a_stack_overflow()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Tree:
                  type: array
                  items:
                    $ref: '#/components/schemas/Tree'
                Holder:
                  type: object
                  properties:
                    tree: { $ref: '#/components/schemas/Tree' }
            """);

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 10, 14, "contains itself");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_name_without_letters_or_digits_is_a_warning_at_the_name()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    $$$:
                      type: string
            """);

        AssertSingle(run, "OAG007", DiagnosticSeverity.Warning, "demo.openapi.yaml", 10, 8, "'$$$'", "'Value'");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Names_that_collide_once_pascal_cased_are_a_warning_at_the_second_and_both_properties_are_generated()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Limits:
                  type: object
                  properties:
                    max_num:
                      type: integer
                    maxNum:
                      type: integer
            """);

        AssertSingle(run, "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 12, 8, "'max_num' and 'maxNum' both become 'MaxNum'", "'maxNum' is generated as 'MaxNum2'");
        Assert.Empty(run.CompilationProblems());
        var limits = run.Compilation.GetTypeByMetadataName("Demo.Limits");
        Assert.NotNull(limits);
        Assert.Equal(
            [("MaxNum", "max_num"), ("MaxNum2", "maxNum")],
            limits.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name.StartsWith("MaxNum", StringComparison.Ordinal))
                .Select(p => (p.Name, (string)p.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value!)));
    }

    [Fact]
    public void A_property_named_like_a_generated_member_says_which_member_it_collides_with()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    validate:
                      type: boolean
            """);

        AssertSingle(run, "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 10, 8, "the member 'Validate' that generated records have", "'validate' is generated as 'Validate2'");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Op_values_that_make_the_same_method_name_are_reported_at_the_later_value()
    {
        var run = Run("demo.openapi.yaml", JsonPatchSpec(ops: "[re-place, rePlace]", "/name: { type: string }"));

        AssertSingle(run, "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 21, 45, "'re-place' and 'rePlace' both become 'RePlace'", "'rePlace' is generated as 'RePlace2'");
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["RePlace", "RePlace2", "RePlace2Name", "RePlaceName"], JsonPatchMethodNames(run));
    }

    [Fact]
    public void A_json_patch_method_named_like_a_document_member_is_reported_at_the_path()
    {
        // "check" on "/path" makes CheckPath, the document's own path check; "item" makes Item, the indexer's name.
        var run = Run("demo.openapi.yaml", JsonPatchSpec(ops: "[check, item]", "/path: { type: string }"));

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == "OAG008").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, collisions.Count);
        AssertDiagnostic(collisions[0], "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 21, 42, "the member 'Item' that JSON Patch documents have and 'item' both become 'Item'", "'item' is generated as 'Item2'");
        AssertDiagnostic(collisions[1], "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 25, 8, "the member 'CheckPath' that JSON Patch documents have and 'check /path' both become 'CheckPath'", "'check /path' is generated as 'CheckPath2'");
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["Check", "CheckPath2", "Item2", "Item2Path"], JsonPatchMethodNames(run));
    }

    [Fact]
    public void A_move_in_an_item_schema_without_from_is_reported_at_the_op_value_and_gets_no_methods()
    {
        // RFC 6902 §4.4: a move names its source in "from", which this item schema cannot carry.
        var run = Run("demo.openapi.yaml", JsonPatchSpec(ops: "[replace, move]", "/name: { type: string }"));

        AssertSingle(run, "OAG006", DiagnosticSeverity.Warning, "demo.openapi.yaml", 21, 44, "The JSON Patch operation 'move' in an item schema without a string 'from' member", "the document has no methods for it");
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["Replace", "ReplaceName"], JsonPatchMethodNames(run));
    }

    [Fact]
    public void Json_patch_paths_that_make_the_same_name_are_reported_at_the_later_path()
    {
        var run = Run("demo.openapi.yaml", JsonPatchSpec(ops: "[replace]", "/a-b: { type: string }", "/aB: { type: string }"));

        AssertSingle(run, "OAG008", DiagnosticSeverity.Warning, "demo.openapi.yaml", 26, 8, "'/a-b' and '/aB' both become 'AB'", "'/aB' is generated as 'AB2'");
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["Replace", "ReplaceAB", "ReplaceAB2"], JsonPatchMethodNames(run));
    }

    [Fact]
    public void An_invalid_pattern_is_a_warning_at_the_pattern_and_the_spec_still_generates()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    code:
                      type: string
                      pattern: '^[a-z$'
            """);

        AssertSingle(run, "OAG009", DiagnosticSeverity.Warning, "demo.openapi.yaml", 12, 19, "'^[a-z$'", "cannot be checked", "a character class is not closed", "values are not checked against this pattern");
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Demo.Item"));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_minimum_length_above_the_maximum_is_reported_at_the_minimum()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name:
                      type: string
                      minLength: 10
                      maxLength: 2
            """);

        AssertSingle(run, "OAG010", DiagnosticSeverity.Error, "demo.openapi.yaml", 12, 21, "minLength (10) is greater than maxLength (2)");
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_reported_at_the_minimum()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    count:
                      type: integer
                      minimum: 10
                      maximum: 2
            """);

        AssertSingle(run, "OAG010", DiagnosticSeverity.Error, "demo.openapi.yaml", 12, 19, "minimum (10) is greater than maximum (2)");
    }

    [Fact]
    public void A_problem_in_a_schema_used_twice_is_reported_once()
    {
        var run = Run("demo.openapi.yaml", Head + """

            paths:
              /items:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Item' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    code: { type: string, minLength: 3, maxLength: 1 }
            """);

        AssertSingle(run, "OAG010", DiagnosticSeverity.Error, "demo.openapi.yaml", 22, 41, "minLength (3)");
    }

    [Fact]
    public void A_spec_with_an_error_generates_nothing_while_the_other_specs_generate()
    {
        var run = GeneratorHarness.RunSpecs(
            ("broken.openapi.yaml", Head.Replace("Demo", "Broken", StringComparison.Ordinal) + """

                paths: {}
                components:
                  schemas:
                    Item:
                      type: object
                      properties:
                        name: { type: string, minLength: 3, maxLength: 1 }
                        other: { type: string }
                """),
            ("fine.openapi.yaml", Head.Replace("Demo", "Fine", StringComparison.Ordinal) + """

                paths: {}
                components:
                  schemas:
                    Item:
                      type: object
                      properties:
                        name: { type: string }
                """));

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG010" && d.Location.GetLineSpan().Path == "broken.openapi.yaml");
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Broken", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.StartsWith("FineClient", StringComparison.Ordinal));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Broken.Item"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Fine.Item"));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Two_specs_with_the_same_title_report_the_second_at_its_title_and_the_first_still_generates()
    {
        var spec = Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: { type: string }
            """;
        var run = GeneratorHarness.RunSpecs(("b/demo.openapi.yaml", spec), ("a/demo.openapi.yaml", spec));

        AssertDiagnostic(Assert.Single(run.GeneratorDiagnostics), "OAG015", DiagnosticSeverity.Error, "b/demo.openapi.yaml", 2, 9, "'demo.openapi.yaml' and 'demo.openapi.yaml' both generate 'Demo.DemoClient'", "info.title");
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Demo.Item"));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_diagnostics_page()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "diagnostics.md"));
        var anchors = Regex.Matches(page, "^## (OAG\\d{3})\\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();

        Assert.All(DiagnosticDescriptors.All, descriptor =>
        {
            var id = descriptor.Id.ToLowerInvariant();
            Assert.EndsWith("docs/diagnostics.md#" + id, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains(id, anchors);
            Assert.Contains($"| [{descriptor.Id}](#{id}) | {descriptor.DefaultSeverity} | {descriptor.Title} |", page, StringComparison.Ordinal);
        });
        var targets = File.ReadAllText(Repository.PathOf("generator", "buildTransitive", "OpenApiClientGenerator.targets"));
        var msbuildIds = Regex.Matches(targets, "Code=\"(OAG\\d{3})\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(msbuildIds);
        Assert.All(msbuildIds, id => Assert.Contains($"| [{id}](#{id.ToLowerInvariant()}) | Warning |", page, StringComparison.Ordinal));
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Concat(msbuildIds).Select(id => id.ToLowerInvariant()), anchors);
    }

    [Fact]
    public void Descriptor_ids_are_unique_and_enabled()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        Assert.All(DiagnosticDescriptors.All, d => Assert.True(d.IsEnabledByDefault, d.Id));
    }

    /// <summary>A spec with one JSON Patch body whose items allow <paramref name="ops"/> and document <paramref name="paths"/> (<c>/name: schema</c>), from line 25.</summary>
    private static string JsonPatchSpec(string ops, params string[] paths) => Head + $$"""

        paths:
          /things:
            patch:
              operationId: patchThings
              requestBody:
                content:
                  application/json-patch+json:
                    schema:
                      type: array
                      items: { $ref: '#/components/schemas/Change' }
              responses:
                '200': { description: OK }
        components:
          schemas:
            Change:
              type: object
              properties:
                op: { type: string, enum: {{ops}} }
                path: { type: string }
                value: {}
              x-json-patch-paths:
        {{string.Concat(paths.Select(path => "        " + path + "\n"))}}
        """;

    /// <summary>The public methods of the generated JSON Patch document, in ordinal order.</summary>
    private static string[] JsonPatchMethodNames(GeneratorRun run)
        => [.. run.Compilation.GetTypeByMetadataName("Demo.PatchThingsDocument")!.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.ReturnType.Name == "PatchThingsDocument")
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)];

    private static GeneratorRun Run(string path, string text) => GeneratorHarness.RunSpecs((path, text));

    private static void AssertSingle(GeneratorRun run, string id, DiagnosticSeverity severity, string path, int line, int column, params string[] messageParts)
    {
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got:\n" + string.Join("\n", run.GeneratorDiagnostics));
        AssertDiagnostic(matching[0], id, severity, path, line, column, messageParts);
        Assert.All(run.GeneratorDiagnostics, d => Assert.NotEqual("OAG011", d.Id));
        if (severity == DiagnosticSeverity.Error)
        {
            Assert.DoesNotContain(run.Sources, s => !s.HintName.StartsWith("OpenApiClientGenerator.", StringComparison.Ordinal));
        }
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string path, int line, int column, params string[] messageParts)
    {
        var span = diagnostic.Location.GetLineSpan();
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(path, span.Path);
        Assert.True((line, column) == (span.StartLinePosition.Line, span.StartLinePosition.Character), $"{id} at {span.StartLinePosition}, expected ({line},{column}): {message}");
        Assert.True(diagnostic.Location.SourceSpan.Length > 0, $"{id} underlines nothing: {message}");
        Assert.All(messageParts, part => Assert.Contains(part, message, StringComparison.Ordinal));
    }
}
