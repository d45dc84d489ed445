namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An API key: a name, the principal it carries (id, groups, permissions), and the SHA-256 of its secret. The key
/// itself is shown once when it is created and never stored; a revoked key stays as a record of who held it.
/// </summary>
public sealed class ApiKeyRecord
{
    /// <summary>The public part of the key (its prefix after <c>lc_</c>), used to find the row without the secret.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key text.</summary>
    public required string SecretHash { get; set; }

    public required string PrincipalId { get; set; }

    /// <summary>The principal's groups, comma-separated.</summary>
    public string Groups { get; set; } = string.Empty;

    /// <summary>The principal's permissions, comma-separated lower-case names (admin, designer, analyst, user).</summary>
    public required string Permissions { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}
