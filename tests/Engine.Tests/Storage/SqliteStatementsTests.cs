using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Engine.Tests.Storage;

/// <summary>A connection's statements are prepared once and reused by SQL text, within a bound.</summary>
public sealed class SqliteStatementsTests
{
    [Fact]
    public void AStatementIsPreparedOnce_AndPastTheBoundAllStartOver()
    {
        using var statements = new SqliteStatements("Data Source=:memory:", capacity: 2);

        Assert.Same(statements.For("SELECT 1"), statements.For("SELECT 1"));
        Assert.Equal(2L, statements.For("SELECT 2").ExecuteScalar());
        Assert.Equal(2, statements.Prepares);

        statements.For("SELECT 3");
        statements.For("SELECT 1");

        Assert.Equal(4, statements.Prepares);
        Assert.Equal(1L, statements.For("SELECT 1").ExecuteScalar());
    }

    [Fact]
    public void AStatementThatDoesNotPrepare_Throws_AndKeepsNothing()
    {
        using var statements = new SqliteStatements("Data Source=:memory:", capacity: 8);

        Assert.Throws<SqliteException>(() => statements.For("SELECT no_such_function(1)"));

        Assert.Equal(0, statements.Prepares);
        Assert.Equal(5L, statements.For("SELECT 5").ExecuteScalar());
    }
}
