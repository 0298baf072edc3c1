using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payung.Access;
using Payung.Access.Contracts;

namespace Payung.Web;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, complete enough for a generated client (a regency's system, BPJS):
/// the two ways to sign in, a security requirement on every operation that needs one, the 401/403 answers those
/// operations can give, tag descriptions, licence and a server without a trailing slash. What each endpoint answers
/// on success and on refusal is declared beside it in the module's endpoint file; only what follows from
/// <c>RequireAuthorization</c> is added here, from the same metadata the authorization middleware reads.
/// </summary>
internal static class ApiDocument
{
    public const string DocumentName = "v1";

    /// <summary>Security scheme ids in <c>components.securitySchemes</c>.</summary>
    public const string ApiKeyScheme = "apiKey";
    public const string CookieScheme = "cookie";

    private const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Wilayah"] = "Wilayah resmi Kemendagri (provinsi, kabupaten/kota, kecamatan, desa/kelurahan), tanpa masuk. "
            + "Data: idn-area-data 4.0.1, Open Database License (ODbL) 1.0.",
        ["NIK"] = "Pemeriksaan struktur NIK tanpa masuk: wilayah, tanggal lahir dan jenis kelamin yang tersandi.",
        ["Pekerja"] = "Registri pekerja rentan dalam wilayah pemanggil: daftar, cari, lihat, ubah, perbaiki NIK.",
        ["Duplikat pekerja"] = "Antrean tinjauan kandidat duplikat: gabungkan atau tolak.",
        ["Impor"] = "Impor pekerja dari .xlsx/.csv sebagai pekerjaan latar, dengan putusan per baris.",
        ["Anggaran"] = "Kalkulator anggaran iuran untuk perencanaan, tanpa masuk.",
        ["Program"] = "Pemberi dana dan program pendanaan iuran: buat, ubah selama draf, aktifkan, tutup.",
        ["Kepesertaan"] = "Pendaftaran pekerja ke program (per orang, per wilayah, dari berkas NIK) dan pengakhirannya.",
        ["Tarif"] = "Tarif iuran JKK/JKM sebagai data bertanggal, potongan iuran dan pengaturan sumber dana.",
        ["Tagihan"] = "Tagihan per program dan bulan iuran, penagihan berkala, dan keadaan uang program.",
        ["Pembayaran"] = "Pembayaran (SP2D atau transfer) dan alokasinya ke tagihan terbuka.",
        ["Perlindungan"] = "Status perlindungan per tanggal, iuran bulan demi bulan, permohonan berlaku surut, pengembalian iuran mandiri.",
        ["Impor iuran"] = "Impor laporan iuran/pembayaran per NIK atau KPJ dan bulan, dengan putusan per baris.",
        ["Mandiri"] = "Alih ke iuran mandiri saat program berakhir dan retensi peserta sesudahnya.",
        ["Pesan"] = "Kotak keluar pesan SMS/WhatsApp kepada peserta dan laporan pengiriman dari penyedia.",
        ["Pengaturan iuran"] = "Pengaturan serah terima dan pesan, serta versi aturan perlindungan.",
        ["Pengguna"] = "Pengguna, peran dan wilayah tugasnya.",
        ["Kunci API"] = "Kunci API untuk sistem lain; kunci lengkap hanya tampil sekali saat diterbitkan.",
        ["Audit"] = "Jejak audit yang hanya dapat ditambah, dan ekspornya.",
    };

    public static IServiceCollection AddPayungOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                RequireSignIn(operation, context);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Payung API";
        document.Info.Description =
            "Perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan. Sistem lain memanggil API ini dengan kunci API "
            + $"di header `{AccessClaims.ApiKeyHeader}`; orang yang masuk di /masuk memakai cookie. Penolakan berupa "
            + "ProblemDetails (RFC 9457) dengan `code` yang stabil. Data wilayah berlisensi ODbL 1.0 (idn-area-data 4.0.1).";
        // The repository declares no licence for Payung itself, so the API is not offered under an open one; SPDX's
        // LicenseRef- form names such terms. Only the region data has its own licence (ODbL, in data/regions).
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };

        // Relative to where the document is served, i.e. the installation answering it: the generator would otherwise
        // echo the request's Host header ("http://host/", trailing slash and all) into the document.
        document.Servers = [new OpenApiServer { Url = "/", Description = "Instalasi Payung yang menyajikan dokumen ini." }];

        document.AddComponent(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AccessClaims.ApiKeyHeader,
            Description = "Kunci API `pyg_{prefix}_{secret}` yang diterbitkan di /admin/kunci-api atau POST /api/v1/api-keys.",
        });
        document.AddComponent(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "payung.auth",
            Description = "Cookie sesi dari halaman /masuk (SameSite=Strict, kedaluwarsa setelah 30 menit tanpa aktivitas).",
        });

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }

    /// <summary>
    /// An operation behind <c>RequireAuthorization</c> (and not <c>AllowAnonymous</c>) takes the API key or the cookie and
    /// can answer 401; behind a role policy also 403. Anonymous operations say so with an empty requirement.
    /// </summary>
    private static void RequireSignIn(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().ToList();
        operation.Security ??= [];
        if (policies.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security.Add(new OpenApiSecurityRequirement());
            return;
        }

        var document = context.Document;
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
        AddProblem(operation, document, StatusCodes.Status401Unauthorized, "Belum masuk, atau kunci API tidak dikenal atau sudah dicabut.");
        if (policies.Any(p => p.Policy != Permissions.SignedIn))
        {
            AddProblem(operation, document, StatusCodes.Status403Forbidden, "Peran pemanggil tidak berwenang untuk tindakan ini.");
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }
}
