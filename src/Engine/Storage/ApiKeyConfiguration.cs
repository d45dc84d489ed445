using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage;

/// <summary>The <c>api_keys</c> table (migration <c>ApiKeys</c>).</summary>
public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.PrincipalId).HasMaxLength(320);
        builder.Property(k => k.Permissions).HasMaxLength(100);
        builder.HasIndex(k => k.Name);
    }
}
