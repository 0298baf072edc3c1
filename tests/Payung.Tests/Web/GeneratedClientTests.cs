using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using Payung.Access;
using Payung.Shared;
using Payung.Tests.Billing;
using Payung.Tests.Programs.Enrollment;
using static Payung.Tests.Access.AccessTestKit;

namespace Payung.Tests.Web;

/// <summary>
/// A regency's system or BPJS calls Payung through a client generated from the served document. This test does what
/// they do: NSwag generates a C# client from /openapi/v1.json, Roslyn compiles it, and it reads a worker's protection
/// answer with an API key from the running host, so a document that cannot drive a client fails here.
/// </summary>
public sealed class GeneratedClientTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Namespace = "Payung.GeneratedClient";

    [Fact]
    public async Task GeneratedClient_WithAnApiKey_ReadsTheProtectionAnswer()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollmentTestKit.EnrollAsync(factory, programme, worker.Id);
        await BillingTestKit.BillAsync(factory, programme);
        await BillingTestKit.PayAsync(factory, programme, EnrollmentTestKit.MonthlyRate, "2026-01-10");
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(AccessClaims.ApiKeyHeader, await CreateApiKeyAsync(Role.DisnakerOperator, EnrollmentTestKit.LampungSelatan));
        var client = Activator.CreateInstance(await CompileClientAsync(), http)!;

        var january = await CheckProtectionAsync(client, worker.Nik, "2026-01-20");
        var february = await CheckProtectionAsync(client, worker.Nik, "2026-02-20");
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => CheckProtectionAsync(client, "1801999999990001", "2026-01-20"));

        Assert.Equal((true, "protected", "2026-01"), (Read<bool>(january, "Protected"), Read<string>(january, "State"), Read<string>(january, "Month")));
        Assert.Equal((false, "unpaid"), (Read<bool>(february, "Protected"), Read<string>(february, "State")));
        Assert.Equal(404, Read<int>(unknown, "StatusCode"));
    }

    [Fact]
    public async Task GeneratedClient_WithoutAKey_IsRefusedWith401()
    {
        var client = Activator.CreateInstance(await CompileClientAsync(), factory.CreateClient())!;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => CheckProtectionAsync(client, "1801999999990001", "2026-01-20"));

        Assert.Equal(401, Read<int>(refused, "StatusCode"));
    }

    /// <summary>Generates the client from the served document and compiles it; answers the client type.</summary>
    private async Task<Type> CompileClientAsync()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "PayungClient",
            GenerateClientInterfaces = false,
            InjectHttpClient = true,
            // Relative to the HttpClient's BaseAddress, as a caller configures it per installation.
            UseBaseUrl = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create($"PayungGeneratedClient{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(20).ToList();
        Assert.True(emitted.Success, "The generated client does not compile:\n" + string.Join("\n", errors));

        image.Position = 0;
        var assembly = new AssemblyLoadContext("payung-generated-client", isCollectible: true).LoadFromStream(image);
        return assembly.GetType($"{Namespace}.PayungClient", throwOnError: true)!;
    }

    private static async Task<object> CheckProtectionAsync(object client, string nik, string date)
    {
        var method = client.GetType().GetMethods()
            .Single(m => m.Name == "CheckProtectionAsync" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
        Assert.Equal(["nik", "date", "cancellationToken"], method.GetParameters().Select(p => p.Name));
        var task = (Task)method.Invoke(client, [nik, date, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    private static T Read<T>(object value, string property) =>
        (T)(value.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{value.GetType().Name} has no {property}")).GetValue(value)!;

    private async Task<string> CreateApiKeyAsync(Role role, string scopeCode)
    {
        var owner = await CreateUserAsync(factory, role, scopeCode);
        using var scope = factory.Services.CreateScope();
        var db = SystemDb(scope);
        var (prefix, secret, full) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.Create("klien NSwag " + prefix, prefix, ApiKeySecret.Hash(secret), role,
            RoleScope.TryCreate(role, scopeCode, null, out var error) ?? throw new InvalidOperationException(error), owner.Id, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return full;
    }
}
