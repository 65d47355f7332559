using System;
using System.Collections.Generic;

namespace PackageTests;

/// <summary>The files of the consumer projects the tests create: what a user writes, nothing more.</summary>
internal static class ConsumerFiles
{
    public const string Marker = "PACKAGE-CONSUMER-OK";

    /// <summary>One GET and one POST, path and header parameters, a constrained JSON body, a 200 body and a 400 error.</summary>
    public const string PetstoreSpec = """
        openapi: 3.0.3
        info:
          title: Petstore
          version: 1.0.0
          description: A small pet store, to prove the package works end to end.
        servers:
          - url: https://petstore.example.com/
        paths:
          /pets/{petId}:
            get:
              operationId: GetPet
              summary: Returns one pet.
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: string
                    pattern: '^[a-z0-9-]+$'
                    maxLength: 32
                - name: X-Trace-Id
                  in: header
                  required: false
                  schema:
                    type: string
                    maxLength: 64
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
                '400':
                  description: The request was rejected.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
          /stores/{storeId}/pets:
            post:
              operationId: CreatePet
              summary: Adds a pet to a store.
              parameters:
                - name: storeId
                  in: path
                  required: true
                  schema:
                    type: string
                    minLength: 1
                    maxLength: 16
                - name: X-Trace-Id
                  in: header
                  required: true
                  schema:
                    type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPet'
              responses:
                '200':
                  description: The pet as stored.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
                '400':
                  description: The pet was rejected.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
        components:
          schemas:
            NewPet:
              type: object
              required: [name, age]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 20
                age:
                  type: integer
                  format: int32
                  minimum: 0
                  maximum: 50
                tags:
                  type: array
                  maxItems: 3
                  items:
                    type: string
                    maxLength: 10
            Pet:
              type: object
              required: [id, name]
              properties:
                id:
                  type: string
                name:
                  type: string
                age:
                  type: integer
                  format: int32
                tags:
                  type: array
                  items:
                    type: string
            Error:
              type: object
              properties:
                error_code:
                  type: string
                error_msg:
                  type: string

        """;

    /// <summary>A second spec, in JSON, for the automatic pick-up of *.openapi.json files.</summary>
    public const string WeatherSpec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Weather", "version": "1.0.0" },
          "paths": {
            "/forecast/{city}": {
              "get": {
                "operationId": "GetForecast",
                "parameters": [
                  { "name": "city", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 40 } }
                ],
                "responses": {
                  "200": {
                    "description": "The forecast.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "properties": { "celsius": { "type": "number", "minimum": -90, "maximum": 60 } }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }

        """;

    /// <summary>What `dotnet new console` writes, plus ASP.NET Core for the local server and the package.</summary>
    public static readonly string AppProject = $"""
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>

          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <PackageReference Include="OpenApiClientGenerator" Version="{Infrastructure.PackageFeed.PackageVersion}" />
          </ItemGroup>

        </Project>

        """;

    /// <summary>Starts Kestrel on a free port, calls every generated operation and prints <see cref="Marker"/> when each behaved.</summary>
    public const string AppProgram = """"
        // A consumer of the OpenApiClientGenerator package: calls the client generated from petstore.openapi.yaml against
        // a local Kestrel server and prints one marker line when every call behaved as the spec says.
        using System.Text.Json;
        using Consumer.Petstore;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Hosting.Server;
        using Microsoft.AspNetCore.Hosting.Server.Features;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using OpenApiClientGenerator.Runtime;

        var seen = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var line = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} trace={context.Request.Headers["X-Trace-Id"]} type={context.Request.ContentType} body={body}";
            seen.Add(line);
            Console.WriteLine("server saw: " + line);
            context.Response.Headers["X-Request-Id"] = "req-" + seen.Count;
            context.Response.ContentType = "application/json";
            if (context.Request.Method == "GET" && context.Request.Path == "/pets/rex-1")
            {
                await context.Response.WriteAsync("""{"id":"rex-1","name":"Rex","age":4,"tags":["good"]}""");
            }
            else if (context.Request.Method == "POST" && context.Request.Path == "/stores/store-7/pets")
            {
                using var json = JsonDocument.Parse(body);
                var name = json.RootElement.GetProperty("name").GetString();
                var age = json.RootElement.GetProperty("age").GetInt32();
                await context.Response.WriteAsync($$"""{"id":"pet-2","name":"{{name}}","age":{{age}}}""");
            }
            else
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("""{"error_code":"PET.0400","error_msg":"No such pet."}""");
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var client = new PetstoreClient(http);

        // GET: a path parameter and an optional header; a typed 200 body.
        ApiResponse<Pet> got = await client.GetPetAsync(new GetPetRequest { PetId = "rex-1", XTraceId = "trace-1" });
        Check(got.StatusCode == 200 && got.RequestId == "req-1" && got.Body.Name == "Rex" && got.Body.Age == 4, "GET result " + got.Body);
        Check(seen[^1] == "GET /pets/rex-1 trace=trace-1 type= body=", "GET request " + seen[^1]);

        // POST: a path parameter, a required header and a JSON body.
        var created = await client.CreatePetAsync(new CreatePetRequest
        {
            StoreId = "store-7",
            XTraceId = "trace-2",
            Body = new NewPet { Name = "Tom", Age = 3, Tags = ["cat"] },
        });
        Check(created.StatusCode == 200 && created.RequestId == "req-2" && created.Body.Id == "pet-2" && created.Body.Name == "Tom" && created.Body.Age == 3, "POST result " + created.Body);
        Check(seen[^1].StartsWith("POST /stores/store-7/pets trace=trace-2 type=application/json", StringComparison.Ordinal), "POST request " + seen[^1]);
        using (var sent = JsonDocument.Parse(seen[^1][(seen[^1].IndexOf("body=", StringComparison.Ordinal) + 5)..]))
        {
            Check(sent.RootElement.GetProperty("name").GetString() == "Tom" && sent.RootElement.GetProperty("age").GetInt32() == 3 && sent.RootElement.GetProperty("tags")[0].GetString() == "cat", "POST body " + seen[^1]);
        }

        // A body that breaks its constraints is rejected before anything is sent, every violation listed.
        var sentBefore = seen.Count;
        string validation;
        try
        {
            await client.CreatePetAsync(new CreatePetRequest
            {
                StoreId = "store-7",
                XTraceId = "trace-3",
                Body = new NewPet { Name = "", Age = 99, Tags = ["a", "b", "c", "d"] },
            });
            throw new InvalidOperationException("An invalid request was sent.");
        }
        catch (RequestValidationException exception)
        {
            validation = string.Join(",", exception.Errors.Select(e => e.Path + ":" + e.Rule));
            Check(exception.Errors.Count == 3, "validation errors " + validation);
        }

        Check(seen.Count == sentBefore, "an invalid request reached the server");

        // An error status becomes an ApiException carrying the body's error_code and error_msg.
        string error;
        try
        {
            await client.GetPetAsync(new GetPetRequest { PetId = "nobody" });
            throw new InvalidOperationException("A 400 response did not throw.");
        }
        catch (ApiException exception)
        {
            error = $"{exception.StatusCode}/{exception.ErrorCode}/{exception.ErrorMessage}/{exception.RequestId}";
            Check(exception.StatusCode == 400 && exception.ErrorCode == "PET.0400" && exception.ErrorMessage == "No such pet." && exception.RequestId == "req-3", "ApiException " + error);
        }

        await app.StopAsync();
        Console.WriteLine($"PACKAGE-CONSUMER-OK get={got.Body.Name} post={created.Body.Id} validation=[{validation}] error={error}");
        return 0;

        static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("Unexpected: " + what);
            }
        }

        """";

    /// <summary>What `dotnet new classlib -f netstandard2.0` with modern C# looks like, with the one package the generated code needs there.</summary>
    public static readonly string LibraryProject = Library("latest");

    /// <summary>
    /// A netstandard2.0 library with System.Text.Json from its package (the generated code's polyfills included). The
    /// language version is a parameter: the compiler hosts of <see cref="CompilerHostTests"/> build it at C# 12, the newest
    /// that every one of them knows, so that each compiler gets the same input.
    /// </summary>
    public static string Library(string langVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <LangVersion>{langVersion}</LangVersion>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>

          <ItemGroup>
            <PackageReference Include="OpenApiClientGenerator" Version="{Infrastructure.PackageFeed.PackageVersion}" />
            <PackageReference Include="System.Text.Json" Version="10.0.9" />
          </ItemGroup>

        </Project>

        """;

    /// <summary>Library code that builds requests (required and init members) and calls the client.</summary>
    public const string LibraryCode = """
        using Consumer.Petstore;
        using OpenApiClientGenerator.Runtime;

        namespace Consumer;

        /// <summary>Uses the generated client the way a library would.</summary>
        public static class PetService
        {
            public static async Task<string?> AddAsync(HttpClient http, string name, CancellationToken cancellationToken = default)
            {
                var client = new PetstoreClient(http);
                ApiResponse<Pet> created = await client.CreatePetAsync(
                    new CreatePetRequest { StoreId = "store-7", XTraceId = "trace", Body = new NewPet { Name = name, Age = 1 } },
                    cancellationToken).ConfigureAwait(false);
                var again = await client.GetPetAsync(new GetPetRequest { PetId = created.Body.Id ?? "unknown" }, cancellationToken).ConfigureAwait(false);
                return again.Body.Name;
            }

            public static string Describe(RequestValidationException exception)
                => string.Join(", ", exception.Errors.Select(e => e.Path + " " + e.Rule));
        }

        """;

    /// <summary>
    /// Every option of docs/options.md at once: a spec the project lists itself (also matched by the automatic
    /// pick-up), a spec picked up by name in a sub-folder, a spec under bin/ that must not be, OpenApiSpec items with
    /// Namespace and ClientName (one of them also matched by name), operation selection metadata and webhook names (lists
    /// with ';' in them, which the compiler's analyzer config would cut short), a template folder and an OpenApiTemplate item.
    /// </summary>
    public static readonly string OptionsProject = $"""
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <OpenApiRootNamespace>Custom.Root</OpenApiRootNamespace>
            <OpenApiEmitDataAnnotations>true</OpenApiEmitDataAnnotations>
            <OpenApiTemplateDirectory>templates</OpenApiTemplateDirectory>
          </PropertyGroup>

          <ItemGroup>
            <PackageReference Include="OpenApiClientGenerator" Version="{Infrastructure.PackageFeed.PackageVersion}" />
            <AdditionalFiles Include="petstore.openapi.yaml" />
            <OpenApiSpec Include="specs/inventory.yaml" Namespace="Custom.Inventory" ClientName="StockClient" ExcludeOperations="CreatePet" />
            <OpenApiSpec Include="./listed.openapi.yaml" Namespace="Listed.Api" IncludeOperations="CreatePet;GetPet" Webhooks="pet-added;pet-removed" />
            <OpenApiTemplate Include="custom/Models.sbncs" />
          </ItemGroup>

        </Project>

        """;

    public const string OptionsUsage = """
        namespace Options;

        public static class Usage
        {
            public static object[] Clients(HttpClient http) =>
            [
                new Custom.Root.Petstore.PetstoreClient(http),
                new Custom.Root.Weather.WeatherClient(http),
                new Custom.Inventory.StockClient(http),
                new Listed.Api.ListedClient(http),
            ];
        }

        """;

    public static string Retitled(string title) => PetstoreSpec.Replace("title: Petstore", "title: " + title, StringComparison.Ordinal);

    /// <summary>The pet store with two webhooks under <c>x-webhooks</c>, as a 3.0 spec (GitHub's) writes them.</summary>
    public static string WithWebhooks(string spec) => spec.TrimEnd() + "\n" + """
        x-webhooks:
          pet-added:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
          pet-removed:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }

        """;

    public static IEnumerable<(string, string)> Files(params (string RelativePath, string Text)[] files) => files;
}
