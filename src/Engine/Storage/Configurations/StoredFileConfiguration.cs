using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Configurations;

/// <summary>The <c>files</c> table (metadata) and <c>file_contents</c> (the bytes, when stored in the database).</summary>
internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFileRecord>, IEntityTypeConfiguration<StoredFileContentRecord>
{
    public void Configure(EntityTypeBuilder<StoredFileRecord> builder)
    {
        builder.ToTable("files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(40);
        builder.Property(f => f.TaskId).HasMaxLength(40);
        builder.Property(f => f.InstanceId).HasMaxLength(40);
        builder.Property(f => f.FieldPath).HasMaxLength(200);
        builder.Property(f => f.Name).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(200);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Storage).HasMaxLength(16);
        builder.HasIndex(f => f.InstanceId);
        builder.HasIndex(f => f.TaskId);
    }

    public void Configure(EntityTypeBuilder<StoredFileContentRecord> builder)
    {
        builder.ToTable("file_contents");
        builder.HasKey(c => c.FileId);
        builder.Property(c => c.FileId).HasMaxLength(40);
        builder.HasOne<StoredFileRecord>().WithOne().HasForeignKey<StoredFileContentRecord>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
