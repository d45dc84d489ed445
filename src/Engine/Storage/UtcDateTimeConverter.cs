using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LowCode.Engine.Storage;

/// <summary>
/// Stores instants as UTC and reads them back marked UTC: SQLite keeps no kind at all, and PostgreSQL's
/// <c>timestamp with time zone</c> refuses a DateTime that is not marked UTC.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
