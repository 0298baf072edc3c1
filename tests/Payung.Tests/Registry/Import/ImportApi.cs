using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.ImportWorkers;

namespace Payung.Tests.Registry.Import;

/// <summary>The import API as a test drives it: upload, wait for the job, read rows.</summary>
internal static class ImportApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? village = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? ImportWorkbook.ContentType
            : "text/csv");
        form.Add(file, "file", fileName);
        if (village is not null)
        {
            form.Add(new StringContent(village), "village");
        }

        return await client.PostAsync("/api/v1/imports/workers", form);
    }

    /// <summary>Uploads, expects 202, and waits until the job has finished.</summary>
    public static async Task<WorkerImportStatus> ImportAsync(HttpClient client, byte[] content, string fileName, string? village = null)
    {
        var response = await UploadAsync(client, content, fileName, village);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<ImportAcceptedResponse>(Json))!;
        Assert.Equal($"/api/v1/imports/{accepted.Id}", response.Headers.Location?.OriginalString);
        return await WaitAsync(client, accepted.Id);
    }

    public static async Task<WorkerImportStatus> WaitAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<WorkerImportStatus>($"/api/v1/imports/{id}", Json))!;
            if (status.Finished)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Import {id} still {status.Status} ({status.Stage}) after 90 s.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<ImportRowPage> RowsAsync(HttpClient client, Guid id, string? verdict = null)
    {
        var url = $"/api/v1/imports/{id}/rows?pageSize=500" + (verdict is null ? "" : "&verdict=" + verdict);
        return (await client.GetFromJsonAsync<ImportRowPage>(url, Json))!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);
}
