using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.MergeSamples;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Every constraint the curated specs document (on parameters and body members) has an accepted and a rejected case;
/// a rejected case names the violation's JSON path and rule. The table is checked against the constraints found in
/// the spec files at run time, so a constraint added to a spec without a case here fails
/// <see cref="Every_constraint_in_the_specs_has_an_accepted_and_a_rejected_case"/>.
/// </summary>
public sealed class ConstraintTests
{
    private static readonly string[] Keywords =
        ["minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"];

    /// <summary>Constraints that no value can break through the generated API, with the reason; each still has an accepted case.</summary>
    private static readonly Dictionary<string, string> Unbreakable = new(StringComparer.Ordinal)
    {
        ["UpdateServiceInstanceRequestBody.description:minLength"] = "minLength 0 holds for every string",
        ["PatchService.header.X-Auth-Token:required"] = "a credential header may come from a DelegatingHandler, so the generator does not require it on the request record (commit 43e0219)",
        ["InstallKernelPlugin.header.X-Auth-Token:required"] = "a credential header may come from a DelegatingHandler, so the generator does not require it on the request record (commit 43e0219)",
    };

    private static readonly List<ConstraintCase> Cases = BuildCases();

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_documented_constraint_accepts_and_rejects_what_the_case_says(string name) => Cases.Single(c => c.Name == name).Check();

    [Fact]
    public void Every_constraint_in_the_specs_has_an_accepted_and_a_rejected_case()
    {
        var documented = SpecDocuments.CuratedFiles.SelectMany(DocumentedConstraints).ToHashSet(StringComparer.Ordinal);
        var accepted = Cases.Where(c => !c.Rejects).SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal);
        var rejected = Cases.Where(c => c.Rejects).SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Where(k => !accepted.Contains(k)).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Where(k => !rejected.Contains(k) && !Unbreakable.ContainsKey(k)).Order(StringComparer.Ordinal));
        Assert.Empty(accepted.Union(rejected).Union(Unbreakable.Keys).Where(k => !documented.Contains(k)).Order(StringComparer.Ordinal));
        Assert.True(documented.Count > 80, "Found only " + documented.Count + " constraints: the spec walk is broken.");
    }

    [Fact]
    public void A_request_with_several_violations_reports_all_of_them_in_one_list()
    {
        var request = PageRequests.UpdateEndpoint() with
        {
            WorkspaceId = "work space",
            Body = PageRequests.UpdateEndpointBody() with
            {
                ReservedResource = new ReservedResource { Apu = new ResourceDef { WarmUpNum = 1 }, Mu = new ResourceDemand { SpecCode = "s", Max = 2 } },
                Config = new EndpointConfig
                {
                    RayServiceConfig = PageRequests.RayService() with
                    {
                        RayServeConfig = new RayServeConfig { Applications = [PageRequests.ServeApplication(), PageRequests.ServeApplication() with { ImportPath = null, RuntimeEnv = null }] },
                        RayClusterConfig = null,
                    },
                },
            },
        };

        var errors = request.Validate().Select(e => (e.Path, e.Rule)).ToList();

        Assert.Equal(
            new[]
            {
                ("path.workspace_id", "pattern"),
                ("reserved_resource.apu.spec_code", "required"),
                ("reserved_resource.mu.min", "required"),
                ("config.ray_service_config.ray_serve_config.applications[1].import_path", "required"),
                ("config.ray_service_config.ray_serve_config.applications[1].runtime_env", "required"),
                ("config.ray_service_config.ray_cluster_config", "required"),
            }.Order(),
            errors.Order());
    }

    [Fact]
    public void A_violation_says_what_is_wrong_and_the_limit_it_breaks()
    {
        var error = Assert.Single((PageRequests.UpdateServiceInstance() with { WorkspaceId = new string('w', 37) }).Validate());

        Assert.Equal(("path.workspace_id", "maxLength", "36"), (error.Path, error.Rule, error.Limit));
        Assert.Contains("36", error.Message, StringComparison.Ordinal);
        Assert.Contains("37", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_parameter_violation_is_reported_under_header_and_its_wire_name()
    {
        var valid = new PatchStringsRequest { Id = "doc-1", XRevision = "12345678", Body = new StringsPatch { A = "c" } };

        Assert.Empty(valid.Validate());
        Assert.Equal([("header.X-Revision", "pattern")], (valid with { XRevision = "12a" }).Validate().Select(e => (e.Path, e.Rule)));
        Assert.Equal([("header.X-Revision", "maxLength")], (valid with { XRevision = "123456789" }).Validate().Select(e => (e.Path, e.Rule)));
    }

    [Fact]
    public void A_null_item_in_a_list_is_reported_not_thrown()
    {
        var request = PageRequests.UpdateEndpoint() with
        {
            Body = PageRequests.UpdateEndpointBody() with { RayResource = PageRequests.UpdateEndpointBody().RayResource! with { WorkNodeResources = [null!] } },
        };

        var errors = request.Validate();

        Assert.Equal("ray_resource.work_node_resources[0]", Assert.Single(errors).Path);
    }

    [Fact]
    public void A_credential_header_the_service_requires_may_be_left_to_a_handler()
    {
        Assert.Empty((PageRequests.PatchService() with { XAuthToken = null }).Validate());
        Assert.Empty((PageRequests.InstallKernelPlugin() with { XAuthToken = null }).Validate());
    }

    [Fact]
    public void Lengths_count_code_points_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 64));

        Assert.Empty(new ErrorResponse { ErrorMsg = string.Concat(Enumerable.Repeat("😀", 4096)) }.Validate());
        Assert.Equal([("description", "maxLength")], new UpdateServiceInstanceRequestBody { Description = string.Concat(Enumerable.Repeat("😀", 1025)) }.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Equal(128, emoji.Length);
        Assert.Equal([("name", "pattern")], new UpdateServiceInstanceRequestBody { Name = emoji }.Validate().Select(e => (e.Path, e.Rule)));
    }

    private static List<ConstraintCase> BuildCases()
    {
        var cases = new List<ConstraintCase>();

        void Accept(string name, Func<IReadOnlyList<ValidationError>> validate, params string[] keys)
            => cases.Add(new ConstraintCase(name, keys, false, () =>
            {
                var errors = validate();
                Assert.True(errors.Count == 0, "Expected no violation, found: " + string.Join("; ", errors));
            }));

        void Reject(string key, string name, Func<IReadOnlyList<ValidationError>> validate, string path, string rule)
            => cases.Add(new ConstraintCase(name, [key], true, () =>
            {
                var errors = validate();
                var found = string.Join("; ", errors.Select(e => "(" + e.Path + ", " + e.Rule + ")"));
                Assert.True(errors.Any(e => e.Path == path && e.Rule == rule), "Expected (" + path + ", " + rule + "), found: [" + found + "]");
                Assert.True(errors.All(e => e.Path == path), "Only " + path + " breaks a rule, found: [" + found + "]");
            }));

        // A member of a value type cannot be absent from a typed instance; the JSON reader rejects it instead.
        void RejectOnRead(string key, string name, Action read, string member)
            => cases.Add(new ConstraintCase(name, [key], true, () =>
            {
                var exception = Assert.Throws<JsonException>(read);
                Assert.Contains(member, exception.Message, StringComparison.Ordinal);
            }));

        static string Text(int length, char c = 'a') => new(c, length);
        static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

        // ---------------- 000 UpdatePlugin (merge patch) ----------------
        var plugin = PageRequests.UpdatePlugin();
        Accept("UpdatePlugin: the page's request", () => plugin.Validate(),
            "UpdatePlugin.path.project_id:required", "UpdatePlugin.path.pool_name:required", "UpdatePlugin.path.template_name:required",
            "UpdatePluginRequestBody.spec:required", "PluginSpec.template:required");
        Reject("UpdatePlugin.path.project_id:required", "UpdatePlugin: project_id null", () => (plugin with { ProjectId = null! }).Validate(), "path.project_id", "required");
        Reject("UpdatePlugin.path.pool_name:required", "UpdatePlugin: pool_name null", () => (plugin with { PoolName = null! }).Validate(), "path.pool_name", "required");
        Reject("UpdatePlugin.path.template_name:required", "UpdatePlugin: template_name null", () => (plugin with { TemplateName = null! }).Validate(), "path.template_name", "required");
        Reject("UpdatePluginRequestBody.spec:required", "UpdatePlugin: spec unset", () => (plugin with { Body = new UpdatePluginRequestBodyPatch() }).Validate(), "spec", "required");
        Reject("UpdatePluginRequestBody.spec:required", "UpdatePlugin: spec set to null", () => (plugin with { Body = new UpdatePluginRequestBodyPatch { Spec = Optional.Of<PluginSpecPatch?>(null) } }).Validate(), "spec", "required");
        Reject("PluginSpec.template:required", "UpdatePlugin: spec.template unset", () => (plugin with { Body = new UpdatePluginRequestBodyPatch { Spec = new PluginSpecPatch() } }).Validate(), "spec.template", "required");
        Reject("PluginSpec.template:required", "UpdatePlugin response: spec without template", () => new UpdatePluginResponseBody { Spec = new PluginSpec() }.Validate(), "spec.template", "required");

        // ---------------- 001 PatchService (JSON Patch) ----------------
        var service = PageRequests.PatchService();
        static PatchServiceV2RequestBody Operation(string path = "/config/0/model_id") => new() { Op = PatchServiceV2RequestBodyOp.Replace, Path = path, Value = PageRequests.Element("\"m-1\"") };
        Accept("PatchService: the page's request", () => service.Validate(),
            "PatchService.path.project_id:required", "PatchService.path.service_id:required", "PatchService.header.X-Auth-Token:required",
            "PatchService.body:minItems", "PatchServiceV2RequestBody.op:required", "PatchServiceV2RequestBody.path:required",
            "PatchServiceV2RequestBody.value:required", "PatchServiceV2RequestBody.op:enum", "PatchServiceV2RequestBody.path:pattern");
        Accept("PatchService: one operation is enough", () => (service with { Body = new PatchServiceDocument().ReplaceModelId("m-1") }).Validate(), "PatchService.body:minItems");
        Accept("PatchService: an undocumented path under /config/0/", () => (service with { Body = PatchServiceDocument.FromJson(Utf8("""[{"op":"replace","path":"/config/0/x","value":1}]""")) }).Validate(), "PatchServiceV2RequestBody.path:pattern");
        Reject("PatchService.path.project_id:required", "PatchService: project_id null", () => (service with { ProjectId = null! }).Validate(), "path.project_id", "required");
        Reject("PatchService.path.service_id:required", "PatchService: service_id null", () => (service with { ServiceId = null! }).Validate(), "path.service_id", "required");
        Reject("PatchServiceV2RequestBody.path:pattern", "PatchService: a path outside /config/0/", () => (service with { Body = PatchServiceDocument.FromJson(Utf8("""[{"op":"replace","path":"/status","value":"running"}]""")) }).Validate(), "[0].path", "pattern");
        Reject("PatchServiceV2RequestBody.path:pattern", "PatchService: the prefix alone", () => Operation("/config/0/").Validate(), "path", "pattern");
        RejectOnRead("PatchServiceV2RequestBody.op:enum", "PatchService: op add read from JSON", () => PatchServiceDocument.FromJson(Utf8("""[{"op":"add","path":"/config/0/x","value":1}]""")), "add");
        RejectOnRead("PatchServiceV2RequestBody.op:required", "PatchService: op missing from JSON", () => PatchServiceDocument.FromJson(Utf8("""[{"path":"/config/0/x","value":1}]""")), "'op'");
        Reject("PatchService.body:minItems", "PatchService: a document without operations", () => (service with { Body = new PatchServiceDocument() }).Validate(), string.Empty, "minItems");
        Reject("PatchServiceV2RequestBody.op:enum", "PatchService: an op cast from a number the spec does not list", () => (Operation() with { Op = (PatchServiceV2RequestBodyOp)99 }).Validate(), "op", "enum");
        Reject("PatchServiceV2RequestBody.value:required", "PatchService: value left at default(JsonElement)", () => (Operation() with { Value = default }).Validate(), "value", "required");
        Reject("PatchServiceV2RequestBody.path:required", "PatchService: path null", () => (Operation() with { Path = null! }).Validate(), "path", "required");

        // ---------------- 002 UpdateServiceInstance ----------------
        var instance = PageRequests.UpdateServiceInstance();
        UpdateServiceInstanceRequest InstanceBody(Func<UpdateServiceInstanceRequestBody, UpdateServiceInstanceRequestBody> change) => instance with { Body = change(PageRequests.UpdateServiceInstanceBody()) };
        UpdateServiceInstanceRequest Source(Func<SourceRef, SourceRef> change) => InstanceBody(b => b with { Source = change(b.Source!) });
        Accept("UpdateServiceInstance: the page's request", () => instance.Validate(),
            "UpdateServiceInstance.path.workspace_id:required", "UpdateServiceInstance.path.instance_id:required",
            "UpdateServiceInstanceRequestBody.name:minLength", "UpdateServiceInstanceRequestBody.name:maxLength", "UpdateServiceInstanceRequestBody.name:pattern",
            "UpdateServiceInstanceRequestBody.description:pattern", "SourceRef.id:required", "UpdateModelInstanceConfig.resource:required");
        Accept("UpdateServiceInstance: an empty body", () => (instance with { Body = new UpdateServiceInstanceRequestBody() }).Validate(), "UpdateServiceInstanceRequestBody.description:minLength");
        foreach (var (parameter, with) in new (string, Func<string, UpdateServiceInstanceRequest>)[]
        {
            ("workspace_id", v => instance with { WorkspaceId = v }),
            ("instance_id", v => instance with { InstanceId = v }),
        })
        {
            var key = "UpdateServiceInstance.path." + parameter + ":";
            Accept($"UpdateServiceInstance: {parameter} of 1 and 36 characters, letters, digits and '-'", () => with("a").Validate().Concat(with(Text(36)).Validate()).Concat(with("Ab-9").Validate()).ToList(), key + "minLength", key + "maxLength", key + "pattern");
            Reject(key + "required", $"UpdateServiceInstance: {parameter} null", () => with(null!).Validate(), "path." + parameter, "required");
            Reject(key + "minLength", $"UpdateServiceInstance: {parameter} empty", () => with(string.Empty).Validate(), "path." + parameter, "minLength");
            Reject(key + "maxLength", $"UpdateServiceInstance: {parameter} of 37 characters", () => with(Text(37)).Validate(), "path." + parameter, "maxLength");
            Reject(key + "pattern", $"UpdateServiceInstance: {parameter} with '/'", () => with("ws/1").Validate(), "path." + parameter, "pattern");
        }

        Accept("UpdateServiceInstance: name of 1 and 64 characters with every allowed kind", () => InstanceBody(b => b with { Name = "a" }).Validate().Concat(InstanceBody(b => b with { Name = Text(64) }).Validate()).Concat(InstanceBody(b => b with { Name = "instance 1.0_a-B" }).Validate()).ToList(),
            "UpdateServiceInstanceRequestBody.name:minLength", "UpdateServiceInstanceRequestBody.name:maxLength", "UpdateServiceInstanceRequestBody.name:pattern");
        Reject("UpdateServiceInstanceRequestBody.name:minLength", "UpdateServiceInstance: name empty", () => InstanceBody(b => b with { Name = string.Empty }).Validate(), "name", "minLength");
        Reject("UpdateServiceInstanceRequestBody.name:maxLength", "UpdateServiceInstance: name of 65 characters", () => InstanceBody(b => b with { Name = Text(65) }).Validate(), "name", "maxLength");
        Reject("UpdateServiceInstanceRequestBody.name:pattern", "UpdateServiceInstance: name with '<'", () => InstanceBody(b => b with { Name = "bad<name>" }).Validate(), "name", "pattern");
        Accept("UpdateServiceInstance: description empty and of 1024 characters", () => InstanceBody(b => b with { Description = string.Empty }).Validate().Concat(InstanceBody(b => b with { Description = Text(1024, 'd') }).Validate()).ToList(),
            "UpdateServiceInstanceRequestBody.description:minLength", "UpdateServiceInstanceRequestBody.description:maxLength", "UpdateServiceInstanceRequestBody.description:pattern");
        Reject("UpdateServiceInstanceRequestBody.description:maxLength", "UpdateServiceInstance: description of 1025 characters", () => InstanceBody(b => b with { Description = Text(1025, 'd') }).Validate(), "description", "maxLength");
        foreach (var forbidden in "!<>=&'")
        {
            Reject("UpdateServiceInstanceRequestBody.description:pattern", $"UpdateServiceInstance: description with {forbidden}", () => InstanceBody(b => b with { Description = "a " + forbidden + " b" }).Validate(), "description", "pattern");
        }

        Accept("UpdateServiceInstance: source ids of 1 and 36 characters", () => Source(s => s with { Id = "a", VersionId = Text(36) }).Validate().Concat(Source(s => s with { Id = Text(36), VersionId = "B-1" }).Validate()).ToList(),
            "SourceRef.id:minLength", "SourceRef.id:maxLength", "SourceRef.id:pattern", "SourceRef.version_id:minLength", "SourceRef.version_id:maxLength", "SourceRef.version_id:pattern");
        Reject("SourceRef.id:required", "UpdateServiceInstance: source.id null", () => Source(s => s with { Id = null! }).Validate(), "source.id", "required");
        Reject("SourceRef.id:minLength", "UpdateServiceInstance: source.id empty", () => Source(s => s with { Id = string.Empty }).Validate(), "source.id", "minLength");
        Reject("SourceRef.id:maxLength", "UpdateServiceInstance: source.id of 37 characters", () => Source(s => s with { Id = Text(37) }).Validate(), "source.id", "maxLength");
        Reject("SourceRef.id:pattern", "UpdateServiceInstance: source.id with '_'", () => Source(s => s with { Id = "0b56_33" }).Validate(), "source.id", "pattern");
        Reject("SourceRef.version_id:minLength", "UpdateServiceInstance: source.version_id empty", () => Source(s => s with { VersionId = string.Empty }).Validate(), "source.version_id", "minLength");
        Reject("SourceRef.version_id:maxLength", "UpdateServiceInstance: source.version_id of 37 characters", () => Source(s => s with { VersionId = Text(37) }).Validate(), "source.version_id", "maxLength");
        Reject("SourceRef.version_id:pattern", "UpdateServiceInstance: source.version_id with a space", () => Source(s => s with { VersionId = "v 1" }).Validate(), "source.version_id", "pattern");
        Reject("UpdateModelInstanceConfig.resource:required", "UpdateServiceInstance: config.model_instance_config.resource null", () => InstanceBody(b => b with { Config = new UpdateServiceInstanceConfig { ModelInstanceConfig = new UpdateModelInstanceConfig { Resource = null! } } }).Validate(), "config.model_instance_config.resource", "required");

        // 002's 202 body id (InstanceId) and the error bodies, on the response types.
        Accept("UpdateServiceInstance response: the page's id, 1 and 36 characters", () => new UpdateServiceInstanceResponseBody { Id = "b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6" }.Validate().Concat(new UpdateServiceInstanceResponseBody { Id = "a" }.Validate()).ToList(),
            "InstanceId:minLength", "InstanceId:maxLength", "InstanceId:pattern");
        Reject("InstanceId:minLength", "UpdateServiceInstance response: id empty", () => new UpdateServiceInstanceResponseBody { Id = string.Empty }.Validate(), "id", "minLength");
        Reject("InstanceId:maxLength", "UpdateServiceInstance response: id of 37 characters", () => new UpdateServiceInstanceResponseBody { Id = Text(37) }.Validate(), "id", "maxLength");
        Reject("InstanceId:pattern", "UpdateServiceInstance response: id with a space", () => new UpdateServiceInstanceResponseBody { Id = "b935 d0ef" }.Validate(), "id", "pattern");
        Accept("Error body: the shortest and longest documented lengths", () => new ErrorResponse { ErrorCode = Text(8), ErrorMsg = "ab", SolutionMsg = "cd" }.Validate().Concat(new ErrorResponse { ErrorCode = Text(36), ErrorMsg = Text(4096), SolutionMsg = Text(4096) }.Validate()).ToList(),
            "ErrorResponse.error_code:minLength", "ErrorResponse.error_code:maxLength", "ErrorResponse.error_msg:minLength", "ErrorResponse.error_msg:maxLength", "ErrorResponse.solution_msg:minLength", "ErrorResponse.solution_msg:maxLength");
        Reject("ErrorResponse.error_code:minLength", "Error body: error_code of 7 characters", () => new ErrorResponse { ErrorCode = "APIG.10" }.Validate(), "error_code", "minLength");
        Reject("ErrorResponse.error_code:maxLength", "Error body: error_code of 37 characters", () => new ErrorResponse { ErrorCode = Text(37) }.Validate(), "error_code", "maxLength");
        Reject("ErrorResponse.error_msg:minLength", "Error body: error_msg of 1 character", () => new ErrorResponse { ErrorMsg = "x" }.Validate(), "error_msg", "minLength");
        Reject("ErrorResponse.error_msg:maxLength", "Error body: error_msg of 4097 characters", () => new ErrorResponse { ErrorMsg = Text(4097) }.Validate(), "error_msg", "maxLength");
        Reject("ErrorResponse.solution_msg:minLength", "Error body: solution_msg of 1 character", () => new ErrorResponse { SolutionMsg = "x" }.Validate(), "solution_msg", "minLength");
        Reject("ErrorResponse.solution_msg:maxLength", "Error body: solution_msg of 4097 characters", () => new ErrorResponse { SolutionMsg = Text(4097) }.Validate(), "solution_msg", "maxLength");

        // ---------------- 004 UpdateEndpoint ----------------
        var endpoint = PageRequests.UpdateEndpoint();
        UpdateEndpointRequest EndpointBody(Func<UpdateEndpointRequestBody, UpdateEndpointRequestBody> change) => endpoint with { Body = change(PageRequests.UpdateEndpointBody()) };
        UpdateEndpointRequest Reserved(Func<ReservedResource, ReservedResource> change) => EndpointBody(b => b with { ReservedResource = change(b.ReservedResource!) });
        UpdateEndpointRequest RayResource(Func<RayResourceInput, RayResourceInput> change) => EndpointBody(b => b with { RayResource = change(b.RayResource!) });
        UpdateEndpointRequest RayService(Func<RayServiceConfig, RayServiceConfig> change) => EndpointBody(b => b with { Config = new EndpointConfig { RayServiceConfig = change(PageRequests.RayService()) } });
        UpdateEndpointRequest Application(Func<ServeApplication, ServeApplication> change) => RayService(r => r with { RayServeConfig = new RayServeConfig { Applications = [change(PageRequests.ServeApplication())] } });
        UpdateEndpointRequest Cluster(Func<RayClusterConfig, RayClusterConfig> change) => RayService(r => r with { RayClusterConfig = change(r.RayClusterConfig!) });
        Accept("UpdateEndpoint: the page's request", () => endpoint.Validate(),
            "UpdateEndpoint.path.workspace_id:required", "UpdateEndpoint.path.endpoint_id:required",
            "ResourceDef.spec_code:required", "ResourceDef.warm_up_num:required", "SqlResourceDef.spec_code:required", "SqlResourceDef.warm_up_num:required",
            "ResourceDemand.spec_code:required", "ResourceDemand.min:required", "ResourceDemand.max:required",
            "RayResourceInput.head_node_resource:required", "RayResourceInput.work_node_resources:required", "HeadNodeResourceDemand.spec_code:required",
            "WorkNodeResourceDemand.name:required", "WorkNodeResourceDemand.resource:required",
            "RayServiceConfig.ray_serve_config:required", "RayServiceConfig.ray_cluster_config:required",
            "ServeApplication.name:required", "ServeApplication.import_path:required", "ServeApplication.deployments:required", "ServeApplication.runtime_env:required",
            "RayClusterConfig.head_group_spec:required", "RayClusterConfig.worker_group_specs:required");
        Accept("UpdateEndpoint: workspace_id of 1 and 36 characters, letters, digits and '-'", () => (endpoint with { WorkspaceId = "a" }).Validate().Concat((endpoint with { WorkspaceId = Text(36) }).Validate()).Concat((endpoint with { WorkspaceId = "Ab-9" }).Validate()).ToList(),
            "UpdateEndpoint.path.workspace_id:minLength", "UpdateEndpoint.path.workspace_id:maxLength", "UpdateEndpoint.path.workspace_id:pattern");
        Reject("UpdateEndpoint.path.workspace_id:required", "UpdateEndpoint: workspace_id null", () => (endpoint with { WorkspaceId = null! }).Validate(), "path.workspace_id", "required");
        Reject("UpdateEndpoint.path.workspace_id:minLength", "UpdateEndpoint: workspace_id empty", () => (endpoint with { WorkspaceId = string.Empty }).Validate(), "path.workspace_id", "minLength");
        Reject("UpdateEndpoint.path.workspace_id:maxLength", "UpdateEndpoint: workspace_id of 37 characters", () => (endpoint with { WorkspaceId = Text(37) }).Validate(), "path.workspace_id", "maxLength");
        Reject("UpdateEndpoint.path.workspace_id:pattern", "UpdateEndpoint: workspace_id with a non-ASCII letter", () => (endpoint with { WorkspaceId = "wé" }).Validate(), "path.workspace_id", "pattern");
        Reject("UpdateEndpoint.path.endpoint_id:required", "UpdateEndpoint: endpoint_id null", () => (endpoint with { EndpointId = null! }).Validate(), "path.endpoint_id", "required");
        Reject("ResourceDef.spec_code:required", "UpdateEndpoint: apu without spec_code", () => Reserved(r => r with { Apu = r.Apu! with { SpecCode = null } }).Validate(), "reserved_resource.apu.spec_code", "required");
        Reject("ResourceDef.warm_up_num:required", "UpdateEndpoint: apu without warm_up_num", () => Reserved(r => r with { Apu = r.Apu! with { WarmUpNum = null } }).Validate(), "reserved_resource.apu.warm_up_num", "required");
        Reject("SqlResourceDef.spec_code:required", "UpdateEndpoint: dpu without spec_code", () => Reserved(r => r with { Dpu = r.Dpu! with { SpecCode = null } }).Validate(), "reserved_resource.dpu.spec_code", "required");
        Reject("SqlResourceDef.warm_up_num:required", "UpdateEndpoint: dpu without warm_up_num", () => Reserved(r => r with { Dpu = r.Dpu! with { WarmUpNum = null } }).Validate(), "reserved_resource.dpu.warm_up_num", "required");
        Reject("ResourceDemand.spec_code:required", "UpdateEndpoint: mu without spec_code", () => Reserved(r => r with { Mu = r.Mu! with { SpecCode = null } }).Validate(), "reserved_resource.mu.spec_code", "required");
        Reject("ResourceDemand.min:required", "UpdateEndpoint: mu without min", () => Reserved(r => r with { Mu = r.Mu! with { Min = null } }).Validate(), "reserved_resource.mu.min", "required");
        Reject("ResourceDemand.max:required", "UpdateEndpoint: a worker group resource without max", () => RayResource(r => r with { WorkNodeResources = [r.WorkNodeResources[0] with { Resource = r.WorkNodeResources[0].Resource with { Max = null } }] }).Validate(), "ray_resource.work_node_resources[0].resource.max", "required");
        Reject("RayResourceInput.head_node_resource:required", "UpdateEndpoint: head_node_resource null", () => RayResource(r => r with { HeadNodeResource = null! }).Validate(), "ray_resource.head_node_resource", "required");
        Reject("RayResourceInput.work_node_resources:required", "UpdateEndpoint: work_node_resources null", () => RayResource(r => r with { WorkNodeResources = null! }).Validate(), "ray_resource.work_node_resources", "required");
        Reject("HeadNodeResourceDemand.spec_code:required", "UpdateEndpoint: head_node_resource.spec_code null", () => RayResource(r => r with { HeadNodeResource = new HeadNodeResourceDemand { SpecCode = null! } }).Validate(), "ray_resource.head_node_resource.spec_code", "required");
        Reject("WorkNodeResourceDemand.name:required", "UpdateEndpoint: a worker group without name", () => RayResource(r => r with { WorkNodeResources = [r.WorkNodeResources[0] with { Name = null! }] }).Validate(), "ray_resource.work_node_resources[0].name", "required");
        Reject("WorkNodeResourceDemand.resource:required", "UpdateEndpoint: a worker group without resource", () => RayResource(r => r with { WorkNodeResources = [r.WorkNodeResources[0] with { Resource = null! }] }).Validate(), "ray_resource.work_node_resources[0].resource", "required");
        Reject("RayServiceConfig.ray_serve_config:required", "UpdateEndpoint: ray_serve_config null", () => RayService(r => r with { RayServeConfig = null }).Validate(), "config.ray_service_config.ray_serve_config", "required");
        Reject("RayServiceConfig.ray_cluster_config:required", "UpdateEndpoint: ray_cluster_config null", () => RayService(r => r with { RayClusterConfig = null }).Validate(), "config.ray_service_config.ray_cluster_config", "required");
        Reject("ServeApplication.name:required", "UpdateEndpoint: an application without name", () => Application(a => a with { Name = null }).Validate(), "config.ray_service_config.ray_serve_config.applications[0].name", "required");
        Reject("ServeApplication.import_path:required", "UpdateEndpoint: an application without import_path", () => Application(a => a with { ImportPath = null }).Validate(), "config.ray_service_config.ray_serve_config.applications[0].import_path", "required");
        Reject("ServeApplication.deployments:required", "UpdateEndpoint: an application without deployments", () => Application(a => a with { Deployments = null }).Validate(), "config.ray_service_config.ray_serve_config.applications[0].deployments", "required");
        Reject("ServeApplication.runtime_env:required", "UpdateEndpoint: an application without runtime_env", () => Application(a => a with { RuntimeEnv = null }).Validate(), "config.ray_service_config.ray_serve_config.applications[0].runtime_env", "required");
        Reject("RayClusterConfig.head_group_spec:required", "UpdateEndpoint: ray_cluster_config without head_group_spec", () => Cluster(c => c with { HeadGroupSpec = null }).Validate(), "config.ray_service_config.ray_cluster_config.head_group_spec", "required");
        Reject("RayClusterConfig.worker_group_specs:required", "UpdateEndpoint: ray_cluster_config without worker_group_specs", () => Cluster(c => c with { WorkerGroupSpecs = null }).Validate(), "config.ray_service_config.ray_cluster_config.worker_group_specs", "required");

        // ---------------- 003 InstallKernelPlugin ----------------
        var kernel = PageRequests.InstallKernelPlugin();
        Accept("InstallKernelPlugin: the page's request", () => kernel.Validate(),
            "InstallKernelPlugin.path.project_id:required", "InstallKernelPlugin.path.instance_id:required", "InstallKernelPlugin.header.X-Auth-Token:required",
            "InstallKernelPluginRequestBody.plugin_name:required", "InstallKernelPluginRequestBody.plugin_name:enum",
            "InstallKernelPluginRequestBody.url:required", "InstallKernelPluginRequestBody.sha_256:required");
        foreach (var (parameter, max, with) in new (string, int, Func<string, InstallKernelPluginRequest>)[]
        {
            ("project_id", 32, v => kernel with { ProjectId = v }),
            ("instance_id", 36, v => kernel with { InstanceId = v }),
        })
        {
            var key = "InstallKernelPlugin.path." + parameter + ":";
            Accept($"InstallKernelPlugin: {parameter} of 1 and {max} letters and digits", () => with("a").Validate().Concat(with(Text(max, '7')).Validate()).Concat(with("Ab9").Validate()).ToList(), key + "minLength", key + "maxLength", key + "pattern");
            Reject(key + "required", $"InstallKernelPlugin: {parameter} null", () => with(null!).Validate(), "path." + parameter, "required");
            Reject(key + "minLength", $"InstallKernelPlugin: {parameter} empty", () => with(string.Empty).Validate(), "path." + parameter, "minLength");
            Reject(key + "maxLength", $"InstallKernelPlugin: {parameter} of {max + 1} characters", () => with(Text(max + 1)).Validate(), "path." + parameter, "maxLength");
            Reject(key + "pattern", $"InstallKernelPlugin: {parameter} with '-'", () => with("0c82-4340").Validate(), "path." + parameter, "pattern");
        }

        RejectOnRead("InstallKernelPluginRequestBody.plugin_name:enum", "InstallKernelPlugin: plugin_name postgres read from JSON", () => InstallKernelPluginRequestBody.FromJson(Utf8("""{"plugin_name":"postgres","url":"u","sha_256":"s"}""")), "postgres");
        RejectOnRead("InstallKernelPluginRequestBody.plugin_name:required", "InstallKernelPlugin: plugin_name missing from JSON", () => InstallKernelPluginRequestBody.FromJson(Utf8("""{"url":"u","sha_256":"s"}""")), "'plugin_name'");
        Reject("InstallKernelPluginRequestBody.plugin_name:enum", "InstallKernelPlugin: plugin_name cast from a number the spec does not list", () => (kernel with { Body = kernel.Body with { PluginName = (InstallKernelPluginRequestBodyPluginName)99 } }).Validate(), "plugin_name", "enum");
        Reject("InstallKernelPluginRequestBody.url:required", "InstallKernelPlugin: url null", () => (kernel with { Body = kernel.Body with { Url = null! } }).Validate(), "url", "required");
        Reject("InstallKernelPluginRequestBody.sha_256:required", "InstallKernelPlugin: sha_256 null", () => (kernel with { Body = kernel.Body with { Sha256 = null! } }).Validate(), "sha_256", "required");

        return cases;
    }

    /// <summary>
    /// The constraints a spec documents, as keys: <c>Schema.member:keyword</c> for component schemas (a required member is
    /// <c>Schema.member:required</c>), <c>Schema:keyword</c> for a named non-object schema, <c>Operation.in.name:keyword</c>
    /// for parameters and <c>Operation.body:keyword</c> for an inline request body schema.
    /// </summary>
    private static IEnumerable<string> DocumentedConstraints(string fileName)
    {
        var spec = SpecDocuments.Load(fileName);
        foreach (var operation in SpecDocuments.Operations(fileName))
        {
            foreach (var parameter in operation.Operation["parameters"]?.AsArray() ?? [])
            {
                var prefix = operation.OperationId + "." + (string)parameter!["in"]! + "." + (string)parameter["name"]!;
                if (parameter["required"]?.GetValue<bool>() == true)
                {
                    yield return prefix + ":required";
                }

                foreach (var key in SchemaKeywords(parameter["schema"] as JsonObject, prefix))
                {
                    yield return key;
                }
            }

            foreach (var (_, media) in operation.Operation["requestBody"]?["content"]?.AsObject() ?? [])
            {
                foreach (var key in SchemaKeywords(media!["schema"] as JsonObject, operation.OperationId + ".body"))
                {
                    yield return key;
                }
            }
        }

        foreach (var (name, schema) in spec["components"]?["schemas"]?.AsObject() ?? [])
        {
            foreach (var key in SchemaKeywords(schema as JsonObject, name))
            {
                yield return key;
            }

            foreach (var required in schema!["required"]?.AsArray() ?? [])
            {
                yield return name + "." + (string)required! + ":required";
            }

            foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                foreach (var key in SchemaKeywords(propertySchema as JsonObject, name + "." + property))
                {
                    yield return key;
                }
            }
        }
    }

    private static IEnumerable<string> SchemaKeywords(JsonObject? schema, string prefix)
    {
        if (schema is null || schema.ContainsKey("$ref"))
        {
            yield break;
        }

        foreach (var keyword in Keywords.Where(schema.ContainsKey))
        {
            yield return prefix + ":" + keyword;
        }

        foreach (var key in SchemaKeywords(schema["items"] as JsonObject, prefix + "[]"))
        {
            yield return key;
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var key in SchemaKeywords(values, prefix + "{}"))
            {
                yield return key;
            }
        }
    }

    private sealed record ConstraintCase(string Name, IReadOnlyList<string> Keys, bool Rejects, Action Check);
}
