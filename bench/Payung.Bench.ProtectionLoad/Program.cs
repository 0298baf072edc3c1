using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Payung.Bench.ProtectionLoad;

/// <summary>
/// Latency of <c>GET /api/v1/workers/{nik}/protection?date=</c> on a running web app: one request at a time over one
/// kept-alive connection, for NIK/date pairs read from a file (written by bench/run-billing-bench.sh with a fixed
/// seed), after a warm-up. In the same run, for reference: <c>GET /health/live</c> the same way but without the key (what
/// any request to this host costs, with no database and no authentication), <c>GET /api/v1/billing/runs/{unknown id}</c> with
/// the key (authentication and scope, one indexed query, 404), and the least SQL any answer needs — the worker by NIK joined
/// to its ledger, one query over one pooled Npgsql connection.
///
///   Payung.Bench.ProtectionLoad --url http://127.0.0.1:5452 --queries FILE [--requests 20000] [--warmup 2000]
///                               [--reference-requests N] [--out FILE.json]
///
/// The API key comes from PAYUNG_BENCH_API_KEY and the SQL reference's connection string from PAYUNG_DB (the
/// reference is skipped without it): environment variables, so neither shows in the process list.
/// Exit code 3 when a protection request answers anything but 200.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var queries = (await File.ReadAllLinesAsync(options.QueriesFile))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(';'))
            .Select(p => (Nik: p[0], Date: p[1]))
            .ToArray();
        if (queries.Length < options.Warmup + options.Requests)
        {
            Console.Error.WriteLine($"protection-load: {options.QueriesFile} has {queries.Length} queries, {options.Warmup + options.Requests} needed");
            return 2;
        }

        var apiKey = Environment.GetEnvironmentVariable("PAYUNG_BENCH_API_KEY")
            ?? throw new InvalidOperationException("PAYUNG_BENCH_API_KEY is not set.");
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var states = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var protectedCount = 0;
        for (var i = 0; i < options.Warmup; i++)
        {
            await ProtectionAsync(http, apiKey, queries[i]);
        }

        var protection = new double[options.Requests];
        var bodies = new byte[options.Requests][];
        for (var i = 0; i < options.Requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bodies[i] = await ProtectionAsync(http, apiKey, queries[options.Warmup + i]);
            protection[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        // Read the answers after timing, so parsing them costs the measurement nothing.
        foreach (var body in bodies)
        {
            using var json = JsonDocument.Parse(body);
            var state = json.RootElement.GetProperty("state").GetString() ?? "?";
            states[state] = states.GetValueOrDefault(state) + 1;
            protectedCount += json.RootElement.GetProperty("protected").GetBoolean() ? 1 : 0;
        }

        var health = await TimeAsync(http, options, () => new HttpRequestMessage(HttpMethod.Get, "/health/live"), HttpStatusCode.OK);

        // Authentication and scope with the key, then one indexed query that finds nothing: a billing run id that does not exist.
        var authenticated = await TimeAsync(http, options, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/billing/runs/{Guid.NewGuid()}");
            request.Headers.Add("X-Api-Key", apiKey);
            return request;
        }, HttpStatusCode.NotFound);

        double[]? sql = null;
        if (Environment.GetEnvironmentVariable("PAYUNG_DB") is { Length: > 0 } cs)
        {
            sql = await SqlReferenceAsync(cs, queries, options);
        }

        var report = new Dictionary<string, object?>
        {
            ["requests"] = options.Requests,
            ["warmup"] = options.Warmup,
            ["protection"] = Stats.Of(protection),
            ["protectedAnswers"] = protectedCount,
            ["states"] = states,
            ["healthLive"] = Stats.Of(health),
            ["authenticated404"] = Stats.Of(authenticated),
            ["sqlLedger"] = sql is null ? null : Stats.Of(sql),
        };
        var text = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        if (options.OutFile is { } outFile)
        {
            await File.WriteAllTextAsync(outFile, text);
        }

        Console.WriteLine(text);
        return 0;
    }

    private static async Task<byte[]> ProtectionAsync(HttpClient http, string apiKey, (string Nik, string Date) query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/workers/{query.Nik}/protection?date={query.Date}");
        request.Headers.Add("X-Api-Key", apiKey); // only here: /health/live goes without, as the floor of any request
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"protection-load: {query.Nik} {query.Date} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            Environment.Exit(3);
        }

        return body;
    }

    /// <summary>A reference request, the same way as the protection requests: a warm-up, then timed until the body is read.</summary>
    private static async Task<double[]> TimeAsync(HttpClient http, Options options, Func<HttpRequestMessage> create, HttpStatusCode expected)
    {
        var times = new double[options.ReferenceRequests];
        for (var i = -options.Warmup / 4; i < times.Length; i++)
        {
            using var request = create();
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != expected)
            {
                Console.Error.WriteLine($"protection-load: {request.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}");
                Environment.Exit(3);
            }

            if (i >= 0)
            {
                times[i] = elapsed;
            }
        }

        return times;
    }

    /// <summary>The least SQL an answer needs: the worker by NIK and its ledger up to the month asked, in one query.</summary>
    private static async Task<double[]> SqlReferenceAsync(string connectionString, (string Nik, string Date)[] queries, Options options)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        const string sql = """
            select c.month, c.source, c.programme_id, c.amount_due, c.amount_paid, c.paid_on, c.backdate_status
              from registry.worker w
              join billing.contribution c on c.worker_id = w.id
             where w.nik = $1 and c.month <= $2
             order by c.month
            """;
        async Task RunAsync((string Nik, string Date) q)
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = q.Nik });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.ParseExact(q.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture) });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }
        }

        for (var i = 0; i < options.Warmup / 4; i++)
        {
            await RunAsync(queries[i]);
        }

        var times = new double[options.ReferenceRequests];
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await RunAsync(queries[options.Warmup + i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return times;
    }
}

internal sealed record Stats(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles, in milliseconds rounded to 0.001.</summary>
    public static Stats Of(double[] values)
    {
        var sorted = values.Order().ToArray();
        double Rank(double q) => Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)], 3);
        return new Stats(sorted.Length, Math.Round(sorted.Average(), 3), Rank(0.50), Rank(0.95), Rank(0.99), Math.Round(sorted[^1], 3));
    }
}

internal sealed record Options(string Url, string QueriesFile, int Requests, int Warmup, int ReferenceRequests, string? OutFile)
{
    public static Options Parse(string[] args)
    {
        string? url = null, queries = null, outFile = null;
        int requests = 20_000, warmup = 2_000;
        int? reference = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = Next(); break;
                case "--queries": queries = Next(); break;
                case "--requests": requests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--reference-requests": reference = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": outFile = Next(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        return new Options(url ?? throw new ArgumentException("--url is required"), queries ?? throw new ArgumentException("--queries is required"),
            requests, warmup, reference ?? Math.Min(requests, 5_000), outFile);
    }
}
