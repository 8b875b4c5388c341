using SkiaSharp;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Turns an uploaded file into an evidence photo: it must decode as an image (the content decides, never the file
/// name), within a size and pixel limit; it is turned upright, scaled to at most <see cref="LongSide"/> pixels and
/// re-encoded as JPEG (which also drops metadata such as the location), with a thumbnail. Both go to PostgreSQL, so
/// every instance of the app serves them.
/// </summary>
public sealed class PhotoProcessor
{
    public const int MaxMegabytes = 10;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    /// <summary>
    /// Refuse images whose decoded size would be absurd (a "decompression bomb"): above 24 megapixels, more than any
    /// phone's ordinary photo (12–24 MP) and about 96 MB once decoded. The dimensions are read from the file's header
    /// (<see cref="SKCodec.Info"/>) before anything is decoded.
    /// </summary>
    public const long MaxPixels = 24_000_000;
    public const int MaxMegapixels = (int)(MaxPixels / 1_000_000);
    public const int LongSide = 1600;
    public const int ThumbSide = 320;

    public sealed record Photo(byte[] Image, byte[] Thumbnail, int Width, int Height);

    /// <summary>The processed photo, or null when the bytes are not an image this can read.</summary>
    public Photo? Process(ReadOnlySpan<byte> bytes) => Process(bytes, out _);

    /// <summary>
    /// The processed photo, or null when the bytes are not an image this can read or (<paramref name="tooManyPixels"/>)
    /// when its header declares more than <see cref="MaxPixels"/> pixels; such an image is never decoded.
    /// </summary>
    public Photo? Process(ReadOnlySpan<byte> bytes, out bool tooManyPixels)
    {
        tooManyPixels = false;
        if (bytes.Length == 0 || bytes.Length > MaxBytes) return null;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) return null;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            tooManyPixels = true;
            return null;
        }
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null) return null;
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var image = Encode(upright, LongSide, 82, out var width, out var height);
        var thumbnail = Encode(upright, ThumbSide, 75, out _, out _);
        return image is null || thumbnail is null ? null : new Photo(image, thumbnail, width, height);
    }

    private static byte[]? Encode(SKBitmap source, int longSide, int quality, out int width, out int height)
    {
        var scale = Math.Min(1.0, (double)longSide / Math.Max(source.Width, source.Height));
        width = Math.Max(1, (int)Math.Round(source.Width * scale));
        height = Math.Max(1, (int)Math.Round(source.Height * scale));
        // JPEG has no transparency: flatten onto white.
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var encoded = SKImage.FromBitmap(target).Encode(SKEncodedImageFormat.Jpeg, quality);
        return encoded?.ToArray();
    }

    /// <summary>Phones store the camera's orientation in EXIF; apply it, since the re-encoded JPEG has none.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        float w = source.Width, h = source.Height;
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2, h / 2); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); canvas.Scale(1, -1, 0, h / 2); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
