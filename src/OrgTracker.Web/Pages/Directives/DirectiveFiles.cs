using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// Uploaded files of directives: an attachment (a photo, re-encoded by <see cref="PhotoProcessor"/>, or a PDF kept as
/// sent) and evidence photos (photos only). A refusal is a message key and its arguments, for the field.
/// </summary>
public static class DirectiveFiles
{
    public readonly record struct Refusal(string Message, object[] Args);

    public static async Task<(DirectiveFile? File, Refusal? Error)> AttachmentAsync(IFormFile file, PhotoProcessor photos, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName ?? "");
        if (file.Length > PhotoProcessor.MaxBytes)
            return (null, new("{0} is larger than {1} MB. Nothing was saved.", [name, PhotoProcessor.MaxMegabytes]));
        var bytes = await ReadAsync(file, ct);
        if (DirectiveFile.LooksLikePdf(bytes))
            return (new DirectiveFile { FileName = Trim(name), ContentType = DirectiveFile.Pdf, Content = bytes }, null);
        return Photo(bytes, name, photos, "{0} is not a photo (JPEG, PNG or WebP) or a PDF. Nothing was saved.");
    }

    public static async Task<(DirectiveFile? File, Refusal? Error)> EvidenceAsync(IFormFile file, PhotoProcessor photos, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName ?? "");
        if (file.Length > PhotoProcessor.MaxBytes)
            return (null, new("{0} is larger than {1} MB. Nothing was saved.", [name, PhotoProcessor.MaxMegabytes]));
        return Photo(await ReadAsync(file, ct), name, photos, "{0} is not a photo (JPEG, PNG or WebP). Nothing was saved.");
    }

    private static (DirectiveFile?, Refusal?) Photo(byte[] bytes, string name, PhotoProcessor photos, string notAPhoto)
    {
        var processed = photos.Process(bytes, out var tooManyPixels);
        if (tooManyPixels) return (null, new("{0} has more than {1} megapixels: send a smaller photo. Nothing was saved.", [name, PhotoProcessor.MaxMegapixels]));
        if (processed is null) return (null, new(notAPhoto, [name]));
        return (new DirectiveFile { FileName = Trim(name), ContentType = DirectiveFile.Jpeg, Content = processed.Image, Thumbnail = processed.Thumbnail }, null);
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, PhotoProcessor.MaxBytes));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static string Trim(string name) => name.Length <= 255 ? name : name[^255..];
}
