using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Payung.Tests.Web;

/// <summary>
/// The served OpenAPI document is what a regency's system or BPJS generates its client from: it passes Redocly's
/// recommended rules, and every operation says how to sign in and what it answers.
/// </summary>
public sealed class ApiDocumentTests(PayungApiFactory factory, ITestOutputHelper output) : IClassFixture<PayungApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    // Redocly compares templates segment by segment and cannot see that {key} is a NIK or UUID, so it calls these two
    // ambiguous; the URLs are public (pages, tests, clients) and routing tells them apart by the literal segment.
    private static readonly (string Rule, string Path)[] AcceptedWarnings =
        [("no-ambiguous-paths", "#/paths/~1api~1v1~1workers~1duplicates~1{id}")];

    [Fact]
    public async Task ServedDocument_PassesRedoclyRecommendedRules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"payung-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exitCode, stdout, stderr) = await RunRedoclyAsync(path);
            output.WriteLine(stdout);
            output.WriteLine(stderr);
            using var report = JsonDocument.Parse(stdout);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (Rule: p.GetProperty("ruleId").GetString()!, Severity: p.GetProperty("severity").GetString()!,
                    Pointer: p.GetProperty("location")[0].GetProperty("pointer").GetString()!, Message: p.GetProperty("message").GetString()!))
                .ToList();

            var unexpected = problems.Where(p => !AcceptedWarnings.Contains((p.Rule, p.Pointer)) || p.Severity == "error")
                .Select(p => $"{p.Severity} {p.Rule} at {p.Pointer}: {p.Message}").ToList();
            Assert.True(unexpected.Count == 0, "redocly lint --extends=recommended:\n" + string.Join("\n", unexpected));
            Assert.Equal(0, report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32());
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EveryOperationThatNeedsSignIn_DeclaresTheApiKeyAndCookieSchemes_AndAnonymousOnesDeclareNone()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            ((string?)schemes["apiKey"]!["type"], (string?)schemes["apiKey"]!["in"], (string?)schemes["apiKey"]!["name"]));
        Assert.Equal(("apiKey", "cookie"), ((string?)schemes["cookie"]!["type"], (string?)schemes["cookie"]!["in"]));

        var anonymous = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var security = operation["security"]?.AsArray();
            Assert.True(security is { Count: > 0 }, $"{name} declares no security");
            if (security.All(r => r!.AsObject().Count == 0))
            {
                anonymous.Add(name);
                continue;
            }

            Assert.Equal(["apiKey", "cookie"], security.SelectMany(r => r!.AsObject().Select(s => s.Key)).Order());
            Assert.True(operation["responses"]?["401"] is not null, $"{name} needs sign-in but documents no 401");
        }

        // What Payung answers without sign-in, and nothing else.
        Assert.Equal(["GET /api/v1/regions", "GET /api/v1/regions/{code}", "GET /api/v1/regions/{code}/children",
                      "POST /api/v1/budget/estimate", "POST /api/v1/nik/check"], anonymous.Order());
    }

    [Fact]
    public async Task EveryOperation_DocumentsItsSuccessBody_AndItsProblems()
    {
        var document = await DocumentAsync();

        var missing = new List<string>();
        var operationIds = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            operationIds.Add((string?)operation["operationId"] ?? $"(none: {name})");
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                missing.Add($"{name}: no 2xx");
            }

            foreach (var (status, response) in success)
            {
                var content = response!["content"]?.AsObject();
                if (status == "204")
                {
                    continue;
                }

                if (content is null || content.Count == 0 || content.Any(c => c.Value?["schema"] is null))
                {
                    missing.Add($"{name}: {status} without a body schema");
                }
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                if (response!["content"]?["application/problem+json"]?["schema"] is null)
                {
                    missing.Add($"{name}: {status} is not a ProblemDetails");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
    }

    [Fact]
    public async Task FileDownloads_DeclareTheirMediaTypeAsBinary()
    {
        var document = await DocumentAsync();

        var template = document["paths"]!["/api/v1/imports/workers/template.xlsx"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        var export = document["paths"]!["/api/v1/audit/export"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], template.Select(c => c.Key));
        Assert.Equal("binary", (string?)Resolve(document, template.Single().Value!["schema"]!)["format"]);
        Assert.Equal(["text/csv"], export.Select(c => c.Key));
        Assert.Equal("binary", (string?)Resolve(document, export.Single().Value!["schema"]!)["format"]);
    }

    [Fact]
    public async Task Document_HasALicence_TagDescriptions_AndARelativeServer()
    {
        var document = await DocumentAsync();

        Assert.Equal(("Proprietary", "LicenseRef-Proprietary"),
            ((string?)document["info"]!["license"]!["name"], (string?)document["info"]!["license"]!["identifier"]));
        Assert.Equal(["/"], document["servers"]!.AsArray().Select(s => (string?)s!["url"]));
        var used = Operations(document).SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => (string)t!)).ToHashSet();
        var described = document["tags"]!.AsArray().Where(t => t!["description"] is not null).Select(t => (string)t!["name"]!).ToHashSet();
        Assert.Empty(used.Except(described));
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        (string?)schema["$ref"] is { } reference
            ? reference["#/".Length..].Split('/').Aggregate(document, (node, part) => node[part]!)
            : schema;

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    /// <summary>The Redocly CLI pinned in tools/redocly (installed by scripts/prerequisites.sh), its report as JSON.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunRedoclyAsync(string documentPath)
    {
        var cli = Path.Combine(Checkout(), "tools", "redocly", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: run scripts/prerequisites.sh (npm ci --prefix tools/redocly).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "lint", "--extends=recommended", "--format=json", "--max-problems=1000", documentPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    internal static string Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payung.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Payung.slnx above {AppContext.BaseDirectory}: run the tests from the checkout.");
    }
}
