using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// The schema, shared by every provider. Each provider has a subclass (<see cref="SqliteLowCodeDbContext"/>,
/// <see cref="PostgresLowCodeDbContext"/>) that owns its migration set; changes go through migrations for both
/// (tests/README.md has the commands), never EnsureCreated.
/// </summary>
public abstract class LowCodeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<TimerRecord> Timers => Set<TimerRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<CapturedMailRecord> CapturedMails => Set<CapturedMailRecord>();

    public DbSet<SignalTokenRecord> SignalTokens => Set<SignalTokenRecord>();

    public DbSet<ExternalLinkRecord> ExternalLinks => Set<ExternalLinkRecord>();

    public DbSet<StoredFileRecord> Files => Set<StoredFileRecord>();

    public DbSet<StoredFileContentRecord> FileContents => Set<StoredFileContentRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<DryRunRecord> DryRuns => Set<DryRunRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Instants are UTC DateTime on every provider (not DateTimeOffset: SQLite cannot compare or sort those in SQL).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("definitions");
            e.HasIndex(d => new { d.Kind, d.Key, d.Version }).IsUnique();
            e.HasIndex(d => new { d.Kind, d.Status });
            e.Property(d => d.Kind).HasMaxLength(16);
            e.Property(d => d.Key).HasMaxLength(64);
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.ETag).IsConcurrencyToken().HasMaxLength(40);
        });
        modelBuilder.Entity<InstanceRecord>(e =>
        {
            e.ToTable("instances");
            e.HasIndex(i => new { i.ProcessKey, i.Status });
            e.HasIndex(i => i.StartedAt);
            e.HasIndex(i => new { i.ProcessKey, i.BusinessKey }).IsUnique();
            e.Property(i => i.BusinessKey).HasMaxLength(200);
            e.Property(i => i.ETag).IsConcurrencyToken().HasMaxLength(40);
        });
        modelBuilder.Entity<TaskRecord>(e =>
        {
            e.ToTable("tasks");
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => new { t.Status, t.AssigneeRole });
            e.HasIndex(t => new { t.Status, t.AssigneeUser });
            e.HasIndex(t => t.ExternalTokenHash);
            e.Property(t => t.ETag).IsConcurrencyToken().HasMaxLength(40);
        });
        modelBuilder.Entity<EventRecord>(e =>
        {
            e.ToTable("events");
            e.HasIndex(v => new { v.InstanceId, v.Id });
            e.HasIndex(v => v.Type);
            e.HasIndex(v => v.OccurredAt);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(k => new { k.Operation, k.Key });
            e.Property(k => k.Operation).HasMaxLength(32);
            e.Property(k => k.Key).HasMaxLength(200);
        });
        modelBuilder.Entity<TimerRecord>(e =>
        {
            e.ToTable("timers");
            e.HasIndex(t => new { t.FiredAt, t.DueAt });
            e.HasIndex(t => t.InstanceId);
        });
        modelBuilder.ApplyConfiguration(new Configurations.ExternalLinkConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.DryRunConfiguration());
        modelBuilder.ApplyConfiguration<StoredFileRecord>(new Configurations.StoredFileConfiguration());
        modelBuilder.ApplyConfiguration<StoredFileContentRecord>(new Configurations.StoredFileConfiguration());
        AnalyticsIndexes.Configure(modelBuilder);
    }
}
