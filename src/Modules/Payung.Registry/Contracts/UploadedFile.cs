namespace Payung.Registry.Contracts;

/// <summary>A file sent with a multipart upload, read into memory after its size was checked.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);
