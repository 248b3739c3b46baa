using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Accounts;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.UserName).HasMaxLength(User.UserNameMaxLength).IsRequired();
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.DisplayName).HasMaxLength(64).IsRequired();
        b.Property(x => x.PasswordHash).HasMaxLength(256).IsRequired().HasAnnotation(AppDbContext.AuditRedactedAnnotation, true);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Email).HasMaxLength(128);
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
