using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Reporting;

public class ReportFormConfiguration : IEntityTypeConfiguration<ReportForm>
{
    public void Configure(EntityTypeBuilder<ReportForm> b)
    {
        b.ToTable("ReportForms");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Indicators).WithOne(x => x.Form).HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tasks).WithOne(x => x.Form).HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignments).WithOne(x => x.Form).HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Rules).WithOne(x => x.Form).HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ReportFormIndicatorConfiguration : IEntityTypeConfiguration<ReportFormIndicator>
{
    public void Configure(EntityTypeBuilder<ReportFormIndicator> b)
    {
        b.ToTable("ReportFormIndicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Label).HasMaxLength(128).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(16).IsRequired();
        b.Property(x => x.MinValue).HasPrecision(18, 4);
        b.Property(x => x.MaxValue).HasPrecision(18, 4);
        b.HasIndex(x => new { x.FormId, x.Label }).IsUnique();
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReportFormTaskConfiguration : IEntityTypeConfiguration<ReportFormTask>
{
    public void Configure(EntityTypeBuilder<ReportFormTask> b)
    {
        b.ToTable("ReportFormTasks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.FormId, x.PlanTaskId }).IsUnique();
        b.HasOne(x => x.PlanTask).WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ReportFormAssignmentConfiguration : IEntityTypeConfiguration<ReportFormAssignment>
{
    public void Configure(EntityTypeBuilder<ReportFormAssignment> b)
    {
        b.ToTable("ReportFormAssignments");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.FormId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("Submissions");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodKey).HasMaxLength(8).IsRequired();
        b.Property(x => x.SubmittedBy).HasMaxLength(64);
        b.Property(x => x.ReviewedBy).HasMaxLength(64);
        b.Property(x => x.UnlockedBy).HasMaxLength(64);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.HasIndex(x => new { x.FormId, x.UnitId, x.PeriodKey }).IsUnique();
        b.HasIndex(x => new { x.FormId, x.PeriodKey });
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Form).WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Submission).HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> b)
    {
        b.ToTable("SubmissionVersions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(16).IsRequired();
        b.Property(x => x.SavedBy).HasMaxLength(64).IsRequired();
        b.Property(x => x.ValuesJson).IsRequired();
        b.Property(x => x.WarningsJson).IsRequired();
        b.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.SubmissionId, x.Number }).IsUnique();
        b.HasMany(x => x.TaskReports).WithOne(x => x.Version).HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TaskReportConfiguration : IEntityTypeConfiguration<TaskReport>
{
    public void Configure(EntityTypeBuilder<TaskReport> b)
    {
        b.ToTable("TaskReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.DoneThisPeriod).HasMaxLength(2000);
        b.Property(x => x.Problems).HasMaxLength(2000);
        b.Property(x => x.NextSteps).HasMaxLength(2000);
        b.HasIndex(x => new { x.VersionId, x.PlanTaskId }).IsUnique();
        b.HasOne(x => x.PlanTask).WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SubmissionAttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> b)
    {
        b.ToTable("SubmissionAttachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(256).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(64).IsRequired();
        b.Property(x => x.Content).IsRequired();
        b.HasIndex(x => x.SubmissionId);
        b.HasOne(x => x.Submission).WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> b)
    {
        b.ToTable("ValidationRules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.Left).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Right).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Tolerance).HasPrecision(9, 6);
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.Property(x => x.Field).HasMaxLength(128);
        b.HasIndex(x => x.FormId);
    }
}
