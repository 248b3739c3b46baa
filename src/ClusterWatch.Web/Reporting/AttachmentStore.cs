using System.Security.Cryptography;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Web.Reporting;

/// <summary>Turns an uploaded file into an attachment row (bytes in the database, SHA-256), refusing empty and oversized files.</summary>
public static class AttachmentStore
{
    public static async Task<(SubmissionAttachment? Attachment, string? Error)> CreateAsync(IFormFile? file, int submissionId, int? planTaskId, string actor, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, "请选择要上传的附件。");
        if (file.Length > SubmissionAttachment.MaxBytes) return (null, $"附件「{file.FileName}」超过 {SubmissionAttachment.MaxBytes / 1024 / 1024} MB 上限。");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var name = Path.GetFileName(file.FileName);
        return (new SubmissionAttachment
        {
            SubmissionId = submissionId, PlanTaskId = planTaskId, FileName = name.Length > 256 ? name[^256..] : name,
            ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType[..Math.Min(128, file.ContentType.Length)],
            Size = bytes.Length, Sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), Content = bytes,
            UploadedBy = actor, UploadedAt = DateTimeOffset.UtcNow,
        }, null);
    }
}
